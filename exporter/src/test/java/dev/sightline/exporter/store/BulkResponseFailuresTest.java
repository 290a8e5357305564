package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rejected items as Elasticsearch answers them in a bulk response, through the exporter's streaming
 * parser: among them the answers the test nodes cannot give (they run without security), a 401 and
 * a 403 {@code security_exception}.
 */
class BulkResponseFailuresTest {

  private static BulkItemFailures failures(String items) {
    var json = "{\"took\":3,\"errors\":true,\"items\":[" + items + "]}";
    var collector = new BulkItemFailures.Collector();
    try {
      BulkResponses.collect(
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), collector);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return collector.build();
  }

  private static String item(String id, int status, String type, String reason) {
    return item("s-variable-v1", id, status, type, reason);
  }

  private static String item(String index, String id, int status, String type, String reason) {
    return "{\"update\":{\"_index\":\""
        + index
        + "\",\"_id\":\""
        + id
        + "\",\"status\":"
        + status
        + ",\"error\":{\"type\":\""
        + type
        + "\",\"reason\":\""
        + reason
        + "\"}}}";
  }

  private static final String WRITTEN =
      "{\"update\":{\"_index\":\"s-variable-v1\",\"_id\":\"ok\",\"status\":200,\"result\":"
          + "\"updated\",\"_version\":2,\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},"
          + "\"_seq_no\":1,\"_primary_term\":1}}";

  @Test
  void shouldRetryAKeyWithoutPrivilegesOnOneIndex() {
    // given a key that may write every index but the variable index
    var failures =
        failures(
            WRITTEN
                + ","
                + item(
                    "1-a",
                    403,
                    "security_exception",
                    "action [indices:data/write/bulk[s]] is unauthorized for API key id [k1] of"
                        + " user [sightline] on indices [s-variable-v1], this action is granted"
                        + " by the index privileges [create_doc,create,delete,index,write,all]"));

    // then the item is retried, never dead-lettered, and the log says what to grant
    assertThat(failures.total()).isEqualTo(1);
    assertThat(failures.items()).singleElement().returns(Handling.RETRY, item -> item.handling());
    assertThat(failures.allPermanent()).isFalse();
    assertThat(failures.describe())
        .contains("security_exception x1 on s-variable-v1 (HTTP 403")
        .contains("lacks privileges on s-variable-v1");
  }

  @Test
  void shouldRetryCredentialsTheClusterRefuses() {
    var failures =
        failures(item("1-a", 401, "security_exception", "unable to authenticate user [sightline]"));

    assertThat(failures.allPermanent()).isFalse();
    assertThat(failures.describe()).contains("refused the credentials");
  }

  @Test
  void shouldRetryAWriteBlockAndSayHowToLiftIt() {
    var failures =
        failures(
            item(
                    "1-a",
                    403,
                    "cluster_block_exception",
                    "index [s-variable-v1] blocked by: [FORBIDDEN/8/index write (api)];")
                + ","
                + item(
                    "1-b",
                    403,
                    "cluster_block_exception",
                    "index [s-variable-v1] blocked by: [FORBIDDEN/8/index write (api)];"));

    assertThat(failures.allPermanent()).isFalse();
    assertThat(failures.describe())
        .as("one entry per error type, not per document")
        .startsWith(
            "2 bulk item(s) rejected: cluster_block_exception x2 on s-variable-v1 (HTTP 403, e.g.")
        .containsOnlyOnce("cluster_block_exception")
        .contains("PUT /s-variable-v1/_settings {\"index.blocks.write\": null}");
  }

  @Test
  void shouldSayHowToLiftEachIndexsBlock() {
    // given a write block on one index and the flood-stage block on another
    var failures =
        failures(
            item(
                    "s-variable-v1",
                    "1-a",
                    403,
                    "cluster_block_exception",
                    "index [s-variable-v1] blocked by: [FORBIDDEN/8/index write (api)];")
                + ","
                + item(
                    "s-flow-node-instance-v2",
                    "2",
                    429,
                    "cluster_block_exception",
                    "index [s-flow-node-instance-v2] blocked by: [TOO_MANY_REQUESTS/12/disk usage"
                        + " exceeded flood-stage watermark, index has read-only-allow-delete"
                        + " block];"));

    // then each index gets its own entry and advice
    assertThat(failures.describe())
        .contains("cluster_block_exception x1 on s-flow-node-instance-v2 (HTTP 429")
        .contains(
            "PUT /s-flow-node-instance-v2/_settings {\"index.blocks.read_only_allow_delete\":"
                + " null}")
        .contains("cluster_block_exception x1 on s-variable-v1 (HTTP 403")
        .contains("PUT /s-variable-v1/_settings {\"index.blocks.write\": null}");
  }

  @Test
  void shouldAskForTheSchemaAgainWhenAnIndexIsMissing() {
    var failures =
        failures(
            item("1-a", 404, "index_not_found_exception", "no such index [s-variable-v1]")
                + ","
                + item("1-b", 400, "document_parsing_exception", "failed to parse"));

    assertThat(failures.anyMissingIndex()).isTrue();
    assertThat(failures.allPermanent()).isFalse();
  }

  @Test
  void shouldDeadLetterParsingErrorsWithoutTheValuesTheyQuote() {
    var failures =
        failures(
            item(
                "1-a",
                400,
                "document_parsing_exception",
                "[1:30] failed to parse field [value] of type [long] in document with id '1-a'."
                    + " Preview of field's value: 'Jane Doe'"));

    assertThat(failures.allPermanent()).isTrue();
    assertThat(failures.items().getFirst().reason()).doesNotContain("Jane");
    assertThat(failures.describe()).doesNotContain("Jane");
  }
}
