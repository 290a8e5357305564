package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.config.ConfigException;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import io.camunda.zeebe.protocol.record.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The longest {@code index.prefix} the configuration accepts works on a real node, and one byte
 * more is refused by the configuration as Elasticsearch would refuse the names: the limit is
 * Elasticsearch's own, counted the same way (UTF-8 bytes).
 */
@RealEngines
class IndexNameLengthIT {

  private static final int MAX_PREFIX_BYTES = 224;

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * The test's prefix, filled up to the limit with 3-byte characters (and ASCII for the last
   * bytes), within the 100 characters {@code index.prefix} also allows: short test name, few bytes.
   */
  private static String longestPrefix(EngineTarget es) {
    var prefix = new StringBuilder(es.indexPrefix()).append('-');
    while (bytes(prefix.toString()) + 3 <= MAX_PREFIX_BYTES) {
      prefix.append('€');
    }
    while (bytes(prefix.toString()) < MAX_PREFIX_BYTES) {
      prefix.append('a');
    }
    return prefix.toString();
  }

  @Test
  void shouldFitLongNames(EngineTarget es) throws Exception {
    // given the longest prefix, in a 3-byte script
    var prefix = longestPrefix(es);
    assertThat(prefix).hasSizeLessThanOrEqualTo(100);
    assertThat(bytes(prefix)).isEqualTo(MAX_PREFIX_BYTES);
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());

    // when the exporter creates its schema and writes with it
    try (var exporter = new EsExporter(es, 1, Map.of("index", Map.of("prefix", prefix)))) {
      exporter.flush(records);

      // then everything is written; the longest names are exactly Elasticsearch's 255 bytes
      assertThat(exporter.controller.getLastExportedRecordPosition())
          .isEqualTo(records.getLast().getPosition());
    }
    assertThat(ReadModelSchema.names(prefix).stream().mapToInt(IndexNameLengthIT::bytes).max())
        .hasValue(255);
    try (var client = EngineClient.open(es.url())) {
      var longestIndex =
          ReadModelSchema.INDICES.stream()
              .map(index -> index.indexName(prefix))
              .max(java.util.Comparator.comparingInt(IndexNameLengthIT::bytes))
              .orElseThrow();
      assertThat(client.exists(longestIndex)).isTrue();

      // and one byte more is refused by the configuration, as by Elasticsearch
      var tooLong = prefix + "a";
      assertThatThrownBy(() -> ConfigParser.parse(Map.of("index.prefix", tooLong)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("index.prefix: must be at most 224 bytes in UTF-8");
      var tooLongName = tooLong + "-flow-node-instance-v2-template";
      assertThatThrownBy(() -> client.createIndex(tooLongName, null))
          .isInstanceOf(EngineClient.EngineError.class)
          .hasMessageContaining("too long");
    }
  }
}
