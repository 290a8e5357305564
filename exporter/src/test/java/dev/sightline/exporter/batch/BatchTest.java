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
    batch.merge(key, Map.of("state", "ACTIVE", "startDate", "t0"));
    batch.merge(key, Map.of("position", 2L));
    batch.merge(key, Map.of("state", "COMPLETED", "endDate", "t1"));

    // then
    assertThat(batch.documentCount()).isEqualTo(1);
    assertThat(batch.documents().getFirst().fields())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("state", "COMPLETED", "startDate", "t0", "position", 2L, "endDate", "t1"));
  }

  @Test
  void shouldWriteADocumentWholeWhenTheBatchHoldsItsCreation() {
    // when an entity is created and changed in one batch, and another only changed
    batch.create(key, Map.of("state", "ACTIVE"));
    batch.merge(key, Map.of("state", "COMPLETED"));
    batch.merge(new DocumentKey("i", "2"), Map.of("state", "COMPLETED"));

    // then the first is whole (an index operation), the second a partial update
    var documents = batch.documents();
    assertThat(documents.get(0).whole()).isTrue();
    assertThat(documents.get(0).fields()).containsExactlyEntriesOf(Map.of("state", "COMPLETED"));
    assertThat(documents.get(1).whole()).isFalse();
  }

  @Test
  void shouldKeepADocumentPartialWhenChangesOfItCameBeforeItsCreationOrWhenMerging() {
    // given changes of a key before its creation record (not in log order: never whole)
    batch.merge(key, Map.of("incident", true));
    batch.create(key, Map.of("state", "ACTIVE"));
    // and a batch that merges every new document (the two-hop importer's)
    var merging = new Batch(Batch.NewDocuments.MERGED);
    merging.create(key, Map.of("state", "ACTIVE"));

    // then neither is written whole, and nothing is lost from the batch
    assertThat(batch.documents().getFirst().whole()).isFalse();
    assertThat(batch.documents().getFirst().fields())
        .containsEntry("incident", true)
        .containsEntry("state", "ACTIVE");
    assertThat(merging.documents().getFirst().whole()).isFalse();
  }

  @Test
  void shouldWriteALaterChangeOfAWholeDocumentWholeAgainFromWhatWasWritten() {
    // given a batch that remembers written documents, and a document written whole
    var written = new WrittenDocuments(1 << 20, 1 << 16);
    var batch = new Batch(Batch.NewDocuments.WHOLE, written);
    batch.create(key, Map.of("state", "ACTIVE", "startDate", "t0"));
    batch.markAllWritten(); // flushed

    // when the next batch changes it
    batch.merge(key, Map.of("state", "COMPLETED"));

    // then it is written whole: the written fields with the change merged in
    var document = batch.documents().getFirst();
    assertThat(document.whole()).isTrue();
    assertThat(document.fields())
        .containsExactlyInAnyOrderEntriesOf(Map.of("state", "COMPLETED", "startDate", "t0"));
    // and the batch's size estimate counts the whole document, as if its fields had been merged in
    // this batch
    var fresh = new Batch();
    fresh.merge(key, Map.of("state", "COMPLETED", "startDate", "t0"));
    assertThat(batch.estimatedBytes()).isEqualTo(fresh.estimatedBytes());
  }

  @Test
  void shouldForgetADocumentThatWasRejectedOrWrittenPartially() {
    // given two documents written whole
    var written = new WrittenDocuments(1 << 20, 1 << 16);
    var batch = new Batch(Batch.NewDocuments.WHOLE, written);
    var other = new DocumentKey("i", "2");
    batch.create(key, Map.of("state", "ACTIVE"));
    batch.create(other, Map.of("state", "ACTIVE"));
    batch.markAllWritten();

    // when one is changed and rejected (dead-lettered), the other changed again and written
    batch.merge(key, Map.of("state", "bad"));
    batch.merge(other, Map.of("state", "COMPLETED"));
    var cut = batch.take(10, Long.MAX_VALUE, document -> document, document -> 0);
    batch.notWritten(cut.get(0));
    batch.written(cut.get(1));

    // then only the written one is still known: a later change of the rejected one is a partial
    // update
    batch.merge(key, Map.of("state", "COMPLETED"));
    batch.merge(other, Map.of("endDate", "t1"));
    assertThat(batch.documents().get(0).whole()).isFalse();
    assertThat(batch.documents().get(1).whole()).isTrue();
    assertThat(batch.documents().get(1).fields())
        .containsEntry("state", "COMPLETED")
        .containsEntry("endDate", "t1");
    // and a merging batch never continues whole documents
    var merging = new Batch(Batch.NewDocuments.MERGED, written);
    merging.merge(other, Map.of("endDate", "t2"));
    assertThat(merging.documents().getFirst().whole()).isFalse();
  }

  @Test
  void shouldHoldBackADocumentInFlightAndCountEachRecordWithOneCut() {
    // given a document in flight
    var other = new DocumentKey("i", "2");
    batch.merge(key, Map.of("state", "ACTIVE"));
    batch.recordAccepted(1, 100);
    var first = batch.take(10, Long.MAX_VALUE, document -> document, document -> 0);

    // when it changes again and another document comes
    batch.merge(key, Map.of("state", "COMPLETED"));
    batch.recordAccepted(2, 110);
    batch.merge(other, Map.of("state", "ACTIVE"));
    batch.recordAccepted(3, 120);
    assertThat(batch.recordCount()).isEqualTo(2);
    var second = batch.take(10, Long.MAX_VALUE, document -> document, document -> 0);

    // then the next cut takes only the other one; the changed one waits for the first cut
    assertThat(first).extracting(PendingDocument::key).containsExactly(key);
    assertThat(second).extracting(PendingDocument::key).containsExactly(other);
    assertThat(batch.hasDocumentToTake()).isFalse();
    // and the records are counted with the cut that followed them, once
    assertThat(batch.recordCount()).isZero();
    // and nothing is durable while the first cut is in flight; then up to the held-back change
    assertThat(batch.durablePosition()).isEqualTo(-1);
    batch.written(first.getFirst());
    batch.written(second.getFirst());
    assertThat(batch.durablePosition()).isEqualTo(1);
    assertThat(batch.hasDocumentToTake()).isTrue();
    assertThat(batch.pending(key)).contains(Map.of("state", "COMPLETED"));
  }

  @Test
  void shouldHoldTheDurablePositionAtTheLowestDocumentInFlightWhateverOrderBulksLandIn() {
    // given three bulks in flight: positions 1 and 2 (two documents of record 2), then 3
    var second = new DocumentKey("i", "2");
    var third = new DocumentKey("i", "3");
    var fourth = new DocumentKey("i", "4");
    batch.merge(key, Map.of("a", 1));
    batch.recordAccepted(1, 100);
    var bulk1 = take();
    batch.merge(second, Map.of("a", 2));
    batch.merge(third, Map.of("a", 2));
    batch.recordAccepted(2, 100);
    var bulk2 = take();
    batch.merge(fourth, Map.of("a", 3));
    batch.recordAccepted(3, 100);
    var bulk3 = take();

    // when the last and one of the middle documents land first
    bulk3.forEach(batch::written);
    batch.written(bulk2.getFirst());

    // then nothing is durable while the first is in flight, and record 2 waits for its other
    // document
    assertThat(batch.durablePosition()).isEqualTo(-1);
    bulk1.forEach(batch::written);
    assertThat(batch.durablePosition()).isEqualTo(1);
    batch.notWritten(bulk2.get(1));
    assertThat(batch.durablePosition()).isEqualTo(3);
  }

  @Test
  void shouldCountADocumentTakenBeforeItsRecordWasAcceptedAsPendingAtThatRecord() {
    // given a durable record 1
    batch.merge(key, Map.of("a", 1));
    batch.recordAccepted(1, 100);
    take().forEach(batch::written);

    // when a document is taken before the record that made it is accepted
    var other = new DocumentKey("i", "2");
    batch.merge(other, Map.of("a", 2));
    var taken = take();
    batch.recordAccepted(2, 110);

    // then record 2 is pending until that bulk lands
    assertThat(batch.durablePosition()).isEqualTo(1);
    taken.forEach(batch::written);
    assertThat(batch.durablePosition()).isEqualTo(2);
  }

  @Test
  void shouldTakeAHeldBackDocumentOnceTheBulkCarryingItLandsEvenIfRejected() {
    // given a document in flight and a change of it held back
    batch.merge(key, Map.of("a", 1));
    batch.recordAccepted(1, 100);
    var first = take();
    batch.merge(key, Map.of("a", 2));
    batch.recordAccepted(2, 110);
    assertThat(batch.hasDocumentToTake()).isFalse();

    // when the bulk carrying it is rejected for good
    batch.notWritten(first.getFirst());

    // then the change may go, and taking it leaves nothing to take
    assertThat(batch.hasDocumentToTake()).isTrue();
    assertThat(take()).extracting(PendingDocument::key).containsExactly(key);
    assertThat(batch.hasDocumentToTake()).isFalse();
  }

  private java.util.List<PendingDocument> take() {
    return batch.take(10, Long.MAX_VALUE, document -> document, document -> 0);
  }

  @Test
  void shouldKeepTheSizeEstimateConsistentWhenAFieldIsOverwritten() {
    // given
    batch.merge(key, Map.of("value", "x".repeat(1000)));
    var large = batch.estimatedBytes();

    // when the field is replaced by a short value
    batch.merge(key, Map.of("value", "y"));

    // then the estimate shrinks by the difference, not grows
    assertThat(batch.estimatedBytes()).isLessThan(large - 1000);
    assertThat(batch.estimatedBytes()).isGreaterThan(0);
  }

  @Test
  void shouldTrackTheOldestRecordUntilTakenAndTheHighestPositionAlways() {
    // when
    batch.merge(key, Map.of("a", 1));
    batch.recordAccepted(5, 100);
    batch.recordAccepted(6, 150);
    batch.recordSkipped(9);

    // then
    assertThat(batch.oldestRecordAtMillis()).contains(100L);
    assertThat(batch.highestPosition()).isEqualTo(9);
    assertThat(batch.recordCount()).isEqualTo(2);

    // and after a flush
    batch.markAllWritten();
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.oldestRecordAtMillis()).isEmpty();
    assertThat(batch.estimatedBytes()).isZero();
    assertThat(batch.highestPosition()).isEqualTo(9);
    assertThat(batch.lowestPendingPosition()).as("everything durable").isEqualTo(-1);
  }

  @Test
  void shouldDecideFullAndDueByTheFlushPolicy() {
    var policy = new FlushPolicy(2, Duration.ofSeconds(1), 1_000_000);
    batch.merge(new DocumentKey("i", "1"), Map.of("a", 1));
    batch.recordAccepted(1, 0);

    assertThat(policy.isFull(batch)).isFalse();
    assertThat(policy.isDue(batch, 999)).isFalse();
    assertThat(policy.isDue(batch, 1000)).isTrue();
    assertThat(policy.untilDue(batch, 400)).isEqualTo(Duration.ofMillis(600));

    batch.merge(new DocumentKey("i", "2"), Map.of("a", 1));
    assertThat(policy.isFull(batch)).isTrue();
  }
}
