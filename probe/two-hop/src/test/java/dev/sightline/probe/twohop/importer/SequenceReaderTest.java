package dev.sightline.probe.twohop.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.StoreException;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The importer's read of the record indices: what it asks, and how it reads the answer. */
class SequenceReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldAskForTheNextBatchOfThePartitionInSequenceOrder() throws Exception {
    // when
    var request = SequenceReader.request("zeebe-record-process-instance", 3, 41L << 51, 500);

    // then
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getEndpoint()).isEqualTo("/zeebe-record-process-instance/_search");
    assertThat(request.getParameters())
        .containsEntry("ignore_unavailable", "true")
        .containsEntry("allow_no_indices", "true")
        .containsEntry("filter_path", "hits.hits._index,hits.hits._source");
    var body = JSON.readTree(request.getEntity().getContent());
    assertThat(body.toString())
        .isEqualTo(
            "{\"size\":500,\"sort\":[{\"sequence\":{\"order\":\"asc\"}}],"
                + "\"query\":{\"bool\":{\"filter\":[{\"term\":{\"partitionId\":3}},"
                + "{\"range\":{\"sequence\":{\"gt\":"
                + (41L << 51)
                + "}}}]}}}");
  }

  @Test
  void shouldReadEachHitsSourceAsItsJsonWithSequencePositionAndIndex() throws Exception {
    // given an answer as filter_path leaves it
    var answer =
        """
        {"hits":{"hits":[
          {"_index":"zeebe-record_job_8.8.9_2026-01-02","_source":{"sequence":7,"position":12,"value":{"a":1.5}}},
          {"_index":"zeebe-record_job_8.8.9_2026-01-02","_source":{"sequence":8,"position":15,"value":{}}}]}}""";

    // when
    var hits = SequenceReader.hits(stream(answer));

    // then
    assertThat(hits)
        .containsExactly(
            new SequenceReader.Hit(
                "{\"sequence\":7,\"position\":12,\"value\":{\"a\":1.5}}",
                7,
                12,
                "zeebe-record_job_8.8.9_2026-01-02"),
            new SequenceReader.Hit(
                "{\"sequence\":8,\"position\":15,\"value\":{}}",
                8,
                15,
                "zeebe-record_job_8.8.9_2026-01-02"));
  }

  @Test
  void shouldReadAnAnswerWithoutHitsAsAnEmptyBatch() throws Exception {
    // given filter_path's answer when nothing matched
    // when
    var hits = SequenceReader.hits(stream("{}"));
    // then
    assertThat(hits).isEmpty();
  }

  /** Against a server that answers as a node does when the record index is not there (yet). */
  @Nested
  class Answers {

    private final HttpServer server = server();
    private RestClient client;
    private int status;
    private String body;

    private HttpServer server() {
      try {
        var http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext(
            "/",
            exchange -> {
              var bytes = body.getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(status, bytes.length);
              try (var out = exchange.getResponseBody()) {
                out.write(bytes);
              }
            });
        http.start();
        return http;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @AfterEach
    void stop() throws Exception {
      if (client != null) {
        client.close();
      }
      server.stop(0);
    }

    private SequenceReader reader() {
      var url = "http://127.0.0.1:" + server.getAddress().getPort();
      client =
          ElasticsearchClients.create(ConfigParser.parse(Map.of("connect.url", url)).connect());
      return new SequenceReader(client, "zeebe-record-job", 1, 10);
    }

    @Test
    void shouldReadAMissingRecordIndexAsAnEmptyBatch() {
      // given (camunda/camunda#26046: an error there skipped the completion check forever)
      status = 404;
      body =
          """
          {"error":{"type":"index_not_found_exception","reason":"no such index [zeebe-record-job]"},"status":404}""";

      // when
      var hits = reader().after(-1);

      // then
      assertThat(hits).isEmpty();
    }

    @Test
    void shouldFailNamingTheAliasWhenTheEngineRefusesTheSearch() {
      // given
      status = 429;
      body =
          """
          {"error":{"type":"rejected_execution_exception","reason":"rejected execution of search"},"status":429}""";

      // when
      var thrown = catchThrowable(() -> reader().after(-1));

      // then
      assertThat(thrown)
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith(
              "reading zeebe-record-job failed: HTTP 429 rejected_execution_exception");
    }
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
