package dev.sightline.probe.es;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few plain HTTP GETs the launcher sends a node (health, who is master, where shards are): the
 * JDK's client, so the launcher needs no library and no engine's client.
 */
final class NodeHttp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private NodeHttp() {}

  record Answer(int status, String body) {
    boolean ok() {
      return status == 200;
    }
  }

  /** {@code GET url/pathAndQuery}, waiting at most {@code timeout} for the answer. */
  static Answer get(URI url, String pathAndQuery, Duration timeout)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(url.resolve(pathAndQuery)).timeout(timeout).GET().build();
    var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response.body());
  }
}
