package dev.sightline.probe.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.probe.report.IndexRefresh;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads an index's {@code refresh_interval} and {@code search.idle.after}, and whether the interval
 * was set on the index or is the default ({@code GET <index>/_settings?include_defaults}).
 */
final class IndexRefreshReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private IndexRefreshReader() {}

  /** Empty if the index is not there or the node does not answer. */
  static Optional<IndexRefresh> read(URI es, String index) {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    es.toString().replaceAll("/$", "")
                        + "/"
                        + URLEncoder.encode(index, StandardCharsets.UTF_8)
                        + "/_settings?include_defaults=true&flat_settings=true"))
            .timeout(TIMEOUT)
            .GET()
            .build();
    try (var client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      return of(index, JSON.readTree(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** From {@code {"<index>": {"settings": {...}, "defaults": {...}}}} with flat keys. */
  static Optional<IndexRefresh> of(String index, JsonNode body) {
    var node = body.path(index);
    if (node.isMissingNode()) {
      if (!body.fields().hasNext()) {
        return Optional.empty();
      }
      node = body.fields().next().getValue(); // an alias: its one index
    }
    var settings = node.path("settings");
    var defaults = node.path("defaults");
    var set = settings.path("index.refresh_interval");
    var interval = set.isMissingNode() ? defaults.path("index.refresh_interval") : set;
    var idle = settings.path("index.search.idle.after");
    var idleAfter = idle.isMissingNode() ? defaults.path("index.search.idle.after") : idle;
    if (interval.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(
        new IndexRefresh(
            index,
            interval.asText(),
            !set.isMissingNode(),
            idleAfter.isMissingNode() ? "30s" : idleAfter.asText()));
  }
}
