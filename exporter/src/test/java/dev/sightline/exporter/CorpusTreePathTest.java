package dev.sightline.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.probe.recordjson.CorpusFiles;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records written by the real engine (corpus, see PROVENANCE.md): root-process → embedded
 * sub-process → call activity {@code call-middle} → middle-process → call activity {@code
 * call-leaf} → leaf-process → service task {@code leaf-task}. 8.8 records carry the engine's tree
 * fields; 8.5–8.7 records do not, and the same paths must come from the parent links.
 */
class CorpusTreePathTest {

  private static final String PI = "t-process-instance-v2";
  private static final String FNI = "t-flow-node-instance-v2";

  private static ExporterHarness export(String file) {
    var harness =
        new ExporterHarness(
            Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 100, "delay", "1s")));
    harness.export(CorpusFiles.read(file).records());
    harness.advance(Duration.ofSeconds(1));
    return harness;
  }

  private static long activating(ExporterHarness harness, String file, String elementId) {
    return CorpusFiles.read(file).records().stream()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING)
        .filter(r -> ((ProcessInstanceRecordValue) r.getValue()).getElementId().equals(elementId))
        .map(Record::getKey)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldWriteTheEnginesTreePathsForThe88CallChain() {
    // when the real 8.8 records are exported
    var harness = export("_generated__zeebe-process-test-engine/records-zeebe-8.8.0.ndjson");

    // then the paths are those the notes' worked example gives, keys taken from the file
    assertThat(harness.store.index(PI).get("2251799813685318"))
        .containsEntry(
            "treePath",
            "PI_2251799813685302/FN_call-middle/FNI_2251799813685311/PI_2251799813685312"
                + "/FN_call-leaf/FNI_2251799813685317/PI_2251799813685318");
    assertThat(harness.store.index(PI).get("2251799813685312"))
        .containsEntry(
            "treePath",
            "PI_2251799813685302/FN_call-middle/FNI_2251799813685311/PI_2251799813685312");
    assertThat(harness.store.index(PI).get("2251799813685302"))
        .containsEntry("treePath", "PI_2251799813685302");
    assertThat(harness.store.index(FNI).get("2251799813685323"))
        .containsEntry("treePath", "2251799813685318/2251799813685323")
        .containsEntry("level", 1)
        .containsEntry("elementId", "leaf-task")
        .containsEntry("state", "COMPLETED");
    assertThat(harness.store.index(FNI).get("2251799813685311"))
        .as("call-middle, inside the embedded sub-process")
        .containsEntry("treePath", "2251799813685302/2251799813685308/2251799813685311")
        .containsEntry("level", 2);
    assertThat(fallbacks(harness)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "records-zeebe-8.5.0.ndjson",
        "records-zeebe-8.6.0.ndjson",
        "records-zeebe-8.7.5.ndjson"
      })
  void shouldDeriveTheSamePathsFromParentLinksForBrokersBefore88(String name) {
    // given records without tree fields on PROCESS_INSTANCE
    var file = "_generated__zeebe-process-test-engine/" + name;
    var harness = export(file);
    var root = activating(harness, file, "root-process");
    var sub = activating(harness, file, "sub");
    var callMiddle = activating(harness, file, "call-middle");
    var middle = activating(harness, file, "middle-process");
    var callLeaf = activating(harness, file, "call-leaf");
    var leaf = activating(harness, file, "leaf-process");
    var leafTask = activating(harness, file, "leaf-task");

    // then
    assertThat(harness.store.index(PI).get(Long.toString(leaf)))
        .containsEntry(
            "treePath",
            "PI_"
                + root
                + "/FN_call-middle/FNI_"
                + callMiddle
                + "/PI_"
                + middle
                + "/FN_call-leaf/FNI_"
                + callLeaf
                + "/PI_"
                + leaf);
    assertThat(harness.store.index(FNI).get(Long.toString(leafTask)))
        .containsEntry("treePath", leaf + "/" + leafTask)
        .containsEntry("level", 1);
    assertThat(harness.store.index(FNI).get(Long.toString(callMiddle)))
        .containsEntry("treePath", root + "/" + sub + "/" + callMiddle)
        .containsEntry("level", 2);
    assertThat(fallbacks(harness)).isZero();
  }

  private static double fallbacks(ExporterHarness harness) {
    return harness
        .context
        .getMeterRegistry()
        .find("sightline.exporter.treepath.fallbacks")
        .counters()
        .stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }
}
