package dev.sightline.it.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.PathPrefixProxy;
import dev.sightline.it.support.RealEngines;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code connect.url} with a path: the node behind a reverse proxy that serves it under {@code
 * /es}. Every request (schema, bulk, the importer check, reads) goes under the path.
 */
@RealEngines
class PathPrefixIT {

  @Test
  void shouldExportThroughAReverseProxyThatServesTheNodeUnderAPath(EngineTarget es)
      throws Exception {
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    try (var proxy = PathPrefixProxy.start(es.url(), "/es")) {
      // given the exporter configured with the proxy's URL, path included
      var args = Map.<String, Object>of("connect", Map.of("url", proxy.url() + "/"));

      // when
      try (var exporter = new EsExporter(es, 1, args)) {
        exporter.flush(records);

        // then every record is written and acknowledged, every request under the path
        assertThat(exporter.controller.getLastExportedRecordPosition())
            .isEqualTo(records.getLast().getPosition());
      }
      assertThat(proxy.seenPaths()).isNotEmpty().allMatch(path -> path.startsWith("/es/"));
      try (var client = EngineClient.open(es.url())) {
        assertThat(ReadModelDocuments.all(client, es.index("process-instance-v2"))).hasSize(2);
      }
    }
  }
}
