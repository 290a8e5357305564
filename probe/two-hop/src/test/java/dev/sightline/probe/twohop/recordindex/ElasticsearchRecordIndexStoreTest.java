package dev.sightline.probe.twohop.recordindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.ValueType;
import org.junit.jupiter.api.Test;

/** The record indices' template, as the 8.6 exporter put one per value type. */
class ElasticsearchRecordIndexStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldGiveEachValueTypeATemplateWithItsPatternAliasSettingsAndMappings() throws Exception {
    // given
    var store =
        new ElasticsearchRecordIndexStore(
            null,
            new RecordIndexNames("zeebe-record"),
            "{\"number_of_shards\":1,\"number_of_replicas\":0}",
            1024);

    // when
    var template = JSON.readTree(store.template(ValueType.PROCESS_INSTANCE));

    // then
    assertThat(template.path("index_patterns").toString())
        .isEqualTo("[\"zeebe-record_process-instance_*\"]");
    assertThat(template.path("priority").asInt()).isEqualTo(100);
    var inner = template.path("template");
    assertThat(inner.path("aliases").toString())
        .isEqualTo("{\"zeebe-record-process-instance\":{}}");
    assertThat(inner.path("settings").toString())
        .isEqualTo("{\"number_of_shards\":1,\"number_of_replicas\":0}");
    assertThat(inner.path("mappings").path("dynamic").asBoolean(true)).isFalse();
    assertThat(inner.path("mappings").path("properties").path("sequence").path("type").asText())
        .isEqualTo("long");
    assertThat(inner.path("mappings").path("properties").path("value").path("enabled").asBoolean())
        .isFalse();
  }
}
