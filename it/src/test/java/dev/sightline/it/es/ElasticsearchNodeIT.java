package dev.sightline.it.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.probe.cli.SightlineCommand;
import dev.sightline.probe.es.ElasticsearchNode;
import dev.sightline.probe.es.NodeOptions;
import dev.sightline.probe.es.NodeStartException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's own lifecycle: it stops on close, leaves no folder, and never outlives its parent; nor
 * does any node of a cluster.
 */
class ElasticsearchNodeIT {

  @TempDir Path baseDir;

  @Test
  void shouldStopTheProcessAndDeleteTheFolderOnClose() throws Exception {
    // given a running node
    var node = ElasticsearchNode.start(NodeOptions.defaults().withBaseDir(baseDir));
    var process = node.process();
    var home = node.home();
    assertThat(health(node.url())).contains("\"status\":\"green\"");

    // when
    node.close();

    // then
    assertThat(process.isAlive()).isFalse();
    assertThat(home).doesNotExist();
  }

  @Test
  void shouldComeBackOnTheSameDataAndPortAfterAStop() throws Exception {
    // given a node with a document
    try (var node = ElasticsearchNode.start(NodeOptions.defaults().withBaseDir(baseDir))) {
      var url = node.url();
      var client = HttpClient.newHttpClient();
      var put =
          HttpRequest.newBuilder(url.resolve("/kept/_doc/1?refresh=true"))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
              .build();
      assertThat(client.send(put, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(201);

      // when it stops and restarts
      node.stop();
      assertThatThrownBy(() -> health(url))
          .as("unreachable while stopped")
          .isInstanceOf(java.io.IOException.class);
      node.restart();

      // then the same URL answers, with the document
      assertThat(node.url()).isEqualTo(url);
      var get = HttpRequest.newBuilder(url.resolve("/kept/_doc/1")).GET().build();
      assertThat(client.send(get, HttpResponse.BodyHandlers.ofString()).body())
          .contains("\"found\":true");
    }
  }

  @Test
  void shouldExitWithItsParentWhenTheParentIsKilled() throws Exception {
    // given a parent JVM running './sightline es', which started a node
    var parent = sightlineEs();
    try {
      var url = readFirstLine(parent);
      assertThat(health(URI.create(url))).contains("\"status\":\"green\"");
      var nodes = parent.toHandle().children().toList();
      assertThat(nodes).as("the node JVM is the parent's child").hasSize(1);

      // when the parent dies without any chance to clean up
      parent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      // then the node notices the closed pipe, stops, and removes its folder
      assertGoneWithTheirFolders(nodes);
    } finally {
      parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }

  @Test
  void shouldStopEveryNodeOfAClusterWhenTheirParentIsKilled() throws Exception {
    // given a parent JVM running './sightline es --nodes 3', which started a cluster
    var parent = sightlineEs("--nodes", "3", "--heap", "256m");
    try {
      var urls = readFirstLine(parent).split(",");
      assertThat(urls).hasSize(3);
      assertThat(health(URI.create(urls[2])))
          .contains("\"status\":\"green\"")
          .contains("\"number_of_nodes\":3");
      var nodes = parent.toHandle().children().toList();
      assertThat(nodes).as("each node JVM is the parent's child").hasSize(3);

      // when the parent dies without any chance to clean up
      parent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

      // then every node stops and removes its folder
      assertGoneWithTheirFolders(nodes);
    } finally {
      parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }

  private Process sightlineEs(String... options) throws java.io.IOException {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Djava.io.tmpdir=" + baseDir,
                "-cp",
                System.getProperty("java.class.path"),
                SightlineCommand.class.getName(),
                "es"));
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private void assertGoneWithTheirFolders(List<ProcessHandle> nodes) throws Exception {
    for (var node : nodes) {
      node.onExit().get(60, TimeUnit.SECONDS);
      assertThat(node.isAlive()).isFalse();
    }
    try (var left = Files.list(baseDir)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("sightline-es-")).toList())
          .isEmpty();
    }
  }

  @Test
  void shouldFailWithTheTailOfTheNodeLogWhenTheNodeCannotStart() {
    // given a setting the node refuses
    var options =
        NodeOptions.defaults().withBaseDir(baseDir).withSetting("sightline.no.such.setting", "1");

    // when / then
    assertThatThrownBy(() -> ElasticsearchNode.start(options))
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("did not reach green health")
        .hasMessageContaining("unknown setting [sightline.no.such.setting]");
    try (var left = Files.list(baseDir)) {
      assertThat(left.toList()).as("the failed node's folder is deleted").isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readFirstLine(Process process) throws Exception {
    var reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    var line = reader.readLine();
    assertThat(line).as("first line printed by './sightline es'").startsWith("http://127.0.0.1:");
    // Keep draining so the parent never blocks on a full pipe.
    Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {}));
    return line;
  }

  private static String health(URI url) throws Exception {
    try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      var request = HttpRequest.newBuilder(url.resolve("/_cluster/health")).GET().build();
      return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
