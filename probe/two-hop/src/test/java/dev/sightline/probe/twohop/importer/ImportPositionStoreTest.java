package dev.sightline.probe.twohop.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An import position's document: what is saved, and what a load makes of it. */
class ImportPositionStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @SuppressWarnings("unchecked")
  void shouldSaveThePositionsFieldsAndLoadThemBack() throws Exception {
    // given
    var start = ImportPosition.start("zeebe-record-job", 2);
    var position =
        start.imported(9_000_000_000L, (2L << 51) + 17, "zeebe-record_job_8.8.9_2026-01-02");

    // when
    var source = JSON.readValue(ImportPositionStore.json(position.markCompleted()), Map.class);
    var loaded = ImportPositionStore.of(start, source);

    // then
    assertThat(source)
        .containsOnlyKeys(
            "aliasName", "partitionId", "position", "sequence", "indexName", "completed");
    assertThat(loaded).isEqualTo(position.markCompleted());
  }
}
