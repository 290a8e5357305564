package dev.sightline.probe.twohop.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.config.ConfigParser;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImporterSettingsTest {

  private static final ImporterSettings DEFAULTS =
      ImporterSettings.defaults(
          ConfigParser.parse(Map.of("connect.url", "http://localhost:9200")),
          List.of(1, 2),
          Set.of(ValueType.PROCESS_INSTANCE));

  @Test
  void shouldChangeOnlyTheComponentEachWithNames() {
    // given / when
    var idle = DEFAULTS.withIdleBackoff(Duration.ofMillis(7));
    var save = DEFAULTS.withPositionSaveInterval(Duration.ofMillis(11));
    var prefix = DEFAULTS.withRecordIndexPrefix("records");
    var index = DEFAULTS.withPositionIndex("positions");
    var empty = DEFAULTS.withEmptyBatchesToComplete(13);
    var wait = DEFAULTS.withMaxDependencyWait(Duration.ofMillis(17));

    // then each holds its new value, and is the defaults again once that value is put back
    assertThat(idle.idleBackoff()).isEqualTo(Duration.ofMillis(7));
    assertThat(idle.withIdleBackoff(DEFAULTS.idleBackoff())).isEqualTo(DEFAULTS);
    assertThat(save.positionSaveInterval()).isEqualTo(Duration.ofMillis(11));
    assertThat(save.withPositionSaveInterval(DEFAULTS.positionSaveInterval())).isEqualTo(DEFAULTS);
    assertThat(prefix.recordIndexPrefix()).isEqualTo("records");
    assertThat(prefix.withRecordIndexPrefix(DEFAULTS.recordIndexPrefix())).isEqualTo(DEFAULTS);
    assertThat(index.positionIndex()).isEqualTo("positions");
    assertThat(index.withPositionIndex(DEFAULTS.positionIndex())).isEqualTo(DEFAULTS);
    assertThat(empty.emptyBatchesToComplete()).isEqualTo(13);
    assertThat(empty.withEmptyBatchesToComplete(DEFAULTS.emptyBatchesToComplete()))
        .isEqualTo(DEFAULTS);
    assertThat(wait.maxDependencyWait()).isEqualTo(Duration.ofMillis(17));
    assertThat(wait.withMaxDependencyWait(DEFAULTS.maxDependencyWait())).isEqualTo(DEFAULTS);
  }

  @Test
  void shouldValidateACopyLikeNewSettings() {
    // given / when / then
    assertThatThrownBy(() -> DEFAULTS.withEmptyBatchesToComplete(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emptyBatchesToComplete must be at least 1, but was 0");
  }
}
