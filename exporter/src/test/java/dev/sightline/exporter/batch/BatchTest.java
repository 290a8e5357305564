package dev.sightline.exporter.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTest {

  private final Batch batch = new Batch();
  private final DocumentKey key = new DocumentKey("i", "1");

  @Test
  void shouldMergeUpdatesOfOneKeyIntoOneDocumentLaterValuesWinning() {
    // when
    batch.upsert(key, Map.of("state", "ACTIVE", "startDate", "t0"));
    batch.upsert(key, Map.of("position", 2L));
    batch.upsert(key, Map.of("state", "COMPLETED", "endDate", "t1"));

    // then
    assertThat(batch.documentCount()).isEqualTo(1);
    assertThat(batch.documents().getFirst().fields())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("state", "COMPLETED", "startDate", "t0", "position", 2L, "endDate", "t1"));
  }

  @Test
  void shouldKeepTheSizeEstimateConsistentWhenAFieldIsOverwritten() {
    // given
    batch.upsert(key, Map.of("value", "x".repeat(1000)));
    var large = batch.estimatedBytes();

    // when the field is replaced by a short value
    batch.upsert(key, Map.of("value", "y"));

    // then the estimate shrinks by the difference, not grows
    assertThat(batch.estimatedBytes()).isLessThan(large - 1000);
    assertThat(batch.estimatedBytes()).isGreaterThan(0);
  }

  @Test
  void shouldTrackTheOldestRecordAndTheHighestPositionUntilCleared() {
    // when
    batch.upsert(key, Map.of("a", 1));
    batch.recordAccepted(5, 100);
    batch.recordAccepted(6, 150);
    batch.recordSkipped(9);

    // then
    assertThat(batch.oldestRecordAtMillis()).contains(100L);
    assertThat(batch.highestPosition()).isEqualTo(9);
    assertThat(batch.recordCount()).isEqualTo(2);

    // and after a flush
    batch.clear();
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.oldestRecordAtMillis()).isEmpty();
    assertThat(batch.estimatedBytes()).isZero();
  }

  @Test
  void shouldDecideFullAndDueByTheFlushPolicy() {
    var policy = new FlushPolicy(2, Duration.ofSeconds(1), 1_000_000);
    batch.upsert(new DocumentKey("i", "1"), Map.of("a", 1));
    batch.recordAccepted(1, 0);

    assertThat(policy.isFull(batch)).isFalse();
    assertThat(policy.isDue(batch, 999)).isFalse();
    assertThat(policy.isDue(batch, 1000)).isTrue();
    assertThat(policy.untilDue(batch, 400)).isEqualTo(Duration.ofMillis(600));

    batch.upsert(new DocumentKey("i", "2"), Map.of("a", 1));
    assertThat(policy.isFull(batch)).isTrue();
  }
}
