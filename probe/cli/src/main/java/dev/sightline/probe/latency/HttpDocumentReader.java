package dev.sightline.probe.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.schema.ReadModelSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request per call over {@code java.net.http}: {@code _search} with an {@code ids} query
 * ({@link ProbeMode#SEARCH}: only refreshed documents) or {@code _mget} ({@link
 * ProbeMode#REALTIME_GET}: every written document). Of the sources only {@code position} is
 * fetched; {@code filter_path} keeps the answer to ids and positions. Never asks for a refresh.
 *
 * <p>Thread-safety: safe for use by several threads (the JDK client is).
 */
public final class HttpDocumentReader implements DocumentReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String POSITION = ReadModelSchema.POSITION;

  private final URI url;
  private final ProbeMode mode;
  private final HttpClient client;

  public HttpDocumentReader(URI url, ProbeMode mode) {
    this.url = url;
    this.mode = mode;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public Map<String, Long> find(String index, List<String> ids) throws IOException {
    var encodedIndex = URLEncoder.encode(index, StandardCharsets.UTF_8);
    var request =
        switch (mode) {
          case SEARCH ->
              post(
                  encodedIndex
                      + "/_search?ignore_unavailable=true"
                      + "&filter_path=hits.hits._id,hits.hits._source.position",
                  Map.of(
                      "size",
                      ids.size(),
                      "_source",
                      List.of(POSITION),
                      "track_total_hits",
                      false,
                      "query",
                      Map.of("ids", Map.of("values", ids))));
          case REALTIME_GET ->
              post(
                  encodedIndex
                      + "/_mget?_source_includes=position&realtime=true"
                      + "&filter_path=docs._id,docs.found,docs._source.position",
                  Map.of("ids", ids));
        };
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() == 404) {
      return Map.of();
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "HTTP "
              + response.statusCode()
              + " from "
              + index
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return found(JSON.readTree(response.body()));
  }

  private Map<String, Long> found(JsonNode body) {
    var found = new HashMap<String, Long>();
    if (mode == ProbeMode.SEARCH) {
      for (var hit : body.path("hits").path("hits")) {
        found.put(hit.path("_id").asText(), position(hit));
      }
    } else {
      for (var doc : body.path("docs")) {
        if (doc.path("found").asBoolean(false)) {
          found.put(doc.path("_id").asText(), position(doc));
        }
      }
    }
    return found;
  }

  private static long position(JsonNode document) {
    var position = document.path("_source").path(POSITION);
    return position.isIntegralNumber() ? position.asLong() : Expectation.ANY_POSITION;
  }

  private HttpRequest post(String pathAndQuery, Map<String, ?> body) throws IOException {
    return HttpRequest.newBuilder(
            URI.create(url.toString().replaceAll("/$", "") + "/" + pathAndQuery))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
        .build();
  }
}
