package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElasticsearchErrorsTest {

  @Nested
  class Handlings {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
      "403, cluster_block_exception", // index.blocks.write (FORBIDDEN/8), read_only (5)
      "429, cluster_block_exception", // read_only_allow_delete (12): disk flood stage
      "401, security_exception",
      "403, security_exception",
      "400, index_closed_exception",
      "409, version_conflict_engine_exception",
      "429, es_rejected_execution_exception",
      "429, rejected_execution_exception", // OpenSearch's name for it
      "429, circuit_breaking_exception",
      "500, an_unlisted_exception",
      "503, unavailable_shards_exception",
      "408, an_unlisted_exception"
    })
    void shouldRetryWhatTheClusterMayLift(int status, String type) {
      assertThat(ElasticsearchErrors.handling(status, type)).isEqualTo(Handling.RETRY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
      "400, mapper_parsing_exception",
      "400, document_parsing_exception",
      "400, strict_dynamic_mapping_exception",
      "400, illegal_argument_exception",
      "400, x_content_parse_exception",
      "400, action_request_validation_exception",
      "413, content_too_large",
      "400, an_unlisted_exception"
    })
    void shouldDeadLetterWhatNoRetryCanChange(int status, String type) {
      assertThat(ElasticsearchErrors.handling(status, type)).isEqualTo(Handling.DEAD_LETTER);
    }

    @Test
    void shouldRecreateTheSchemaForAMissingIndex() {
      assertThat(ElasticsearchErrors.handling(404, "index_not_found_exception"))
          .isEqualTo(Handling.RECREATE_SCHEMA);
    }

    @Test
    void shouldDecideByStatusWhenTheAnswerHasNoBody() {
      assertThat(ElasticsearchErrors.handling(413, null)).isEqualTo(Handling.DEAD_LETTER);
      assertThat(ElasticsearchErrors.handling(502, null)).isEqualTo(Handling.RETRY);
    }

    @Test
    void shouldTreatAReadOfAMissingIndexAsNotFound() {
      assertThat(ElasticsearchErrors.isMissingIndex(404, "index_not_found_exception")).isTrue();
      assertThat(ElasticsearchErrors.isMissingIndex(403, "security_exception")).isFalse();
    }
  }

  @Nested
  class Advice {

    @Test
    void shouldSayHowToLiftAWriteBlock() {
      var advice =
          ElasticsearchErrors.advice(
              403,
              "cluster_block_exception",
              "index [s-variable-v1] blocked by: [FORBIDDEN/8/index write (api)];",
              "s-variable-v1");

      assertThat(advice)
          .contains("index s-variable-v1 has a write block")
          .contains("PUT /s-variable-v1/_settings {\"index.blocks.write\": null}");
    }

    @Test
    void shouldSayTheDiskIsFullForAFloodStageBlock() {
      var advice =
          ElasticsearchErrors.advice(
              429,
              "cluster_block_exception",
              "index [s-variable-v1] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded"
                  + " flood-stage watermark, index has read-only-allow-delete block];",
              "s-variable-v1");

      assertThat(advice)
          .contains("flood-stage watermark")
          .contains("free disk space")
          .contains("{\"index.blocks.read_only_allow_delete\": null}");
    }

    @Test
    void shouldTellCredentialsFromPrivileges() {
      assertThat(
              ElasticsearchErrors.advice(401, "security_exception", "unable to authenticate", "x"))
          .contains("refused the credentials")
          .contains("connect.apiKey");
      assertThat(ElasticsearchErrors.advice(403, "security_exception", "unauthorized", "s-job-v1"))
          .contains("lacks privileges on s-job-v1")
          .contains("write");
    }

    @Test
    void shouldNotPromiseADeadLetterForARefusedRequest() {
      var message =
          StoreException.answered(
                  "listing schema versions",
                  400,
                  "too_long_http_line_exception",
                  "An HTTP line is larger than 4096 bytes.",
                  null)
              .getMessage();
      assertThat(message)
          .contains("refused the request itself (listing schema versions)")
          .doesNotContain("dead-letter")
          .doesNotContain("the document is wrong");
      assertThat(ElasticsearchErrors.advice(400, "mapper_parsing_exception", "failed", "x"))
          .contains("the document is wrong for the index");
    }

    @Test
    void shouldSayTheExporterRecreatesAMissingIndex() {
      assertThat(
              ElasticsearchErrors.advice(
                  404, "index_not_found_exception", "no such index [s-job-v1]", "s-job-v1"))
          .contains("index s-job-v1 is missing")
          .contains("creates its schema again");
    }
  }
}
