package dev.sightline.exporter.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.importers.ImportFacts.Position;
import dev.sightline.exporter.importers.ImportStatus.State;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the importers' indices mean for one partition: when the direct exporter may write. */
class ImportFactsTest {

  private static final String OPERATE = "operate-import-position-8.3.0_";
  private static final String TASKLIST = "tasklist-import-position-8.2.0_";

  private static Position position(String index, String alias, boolean completed) {
    return new Position(index, alias, completed);
  }

  @Nested
  class NothingToWaitFor {

    @Test
    void shouldFindNothingToWaitForWithoutARecordIndex() {
      // given positions left over, but no record index to import from
      var facts =
          new ImportFacts(
              false,
              0,
              Set.of(OPERATE),
              List.of(position(OPERATE, "zeebe-record-process-instance", false)));
      // when
      var status = facts.status();
      // then
      assertThat(status.state()).isEqualTo(State.NOTHING_TO_WAIT_FOR);
      assertThat(status.detail()).isEqualTo("no record index");
    }

    @Test
    void shouldFindNothingToWaitForWithoutARecordOrAPositionOfThePartition() {
      // given record indices and an importer, all of them about other partitions
      var facts = new ImportFacts(true, 0, Set.of(OPERATE), List.of());
      // when
      var status = facts.status();
      // then
      assertThat(status.state()).isEqualTo(State.NOTHING_TO_WAIT_FOR);
      assertThat(status.detail()).isEqualTo("no record and no import position of the partition");
    }
  }

  @Nested
  class Waiting {

    @Test
    void shouldWaitWhileTheRecordsOfThePartitionHaveNoImportPositionYet() {
      // given records of the partition, and an importer that has not saved its first position
      var facts = new ImportFacts(true, 120, Set.of(OPERATE), List.of());
      // when
      var status = facts.status();
      // then
      assertThat(status)
          .isEqualTo(
              ImportStatus.waiting(
                  0, 0, "records of the partition, no import position of it yet in " + OPERATE));
      assertThat(status.allowsWriting()).isFalse();
    }

    @Test
    void shouldWaitWhileTheRecordsOfThePartitionHaveNoImportPositionIndexYet() {
      // given records of the partition, and no importer has created its index yet
      var facts = new ImportFacts(true, 7, Set.of(), List.of());
      // when
      var status = facts.status();
      // then
      assertThat(status)
          .isEqualTo(
              ImportStatus.waiting(0, 0, "records of the partition, no import-position index yet"));
    }

    @Test
    void shouldWaitForAnImporterWithoutAPositionOfThePartitionEvenIfAnotherHasCompleted() {
      // given Operate done with the partition, Tasklist not started on it
      var facts =
          new ImportFacts(
              true,
              50,
              Set.of(OPERATE, TASKLIST),
              List.of(
                  position(OPERATE, "zeebe-record-process-instance", true),
                  position(OPERATE, "zeebe-record-variable", true)));
      // when
      var status = facts.status();
      // then
      assertThat(status.state()).isEqualTo(State.WAITING);
      assertThat(status.completedReaders()).isEqualTo(2);
      assertThat(status.detail())
          .isEqualTo("records of the partition, no import position of it yet in " + TASKLIST);
    }

    @Test
    void shouldWaitForAReaderThatHasNotCompletedEvenWithoutRecordsOfThePartition() {
      // given a reader still running (its records may not be searchable yet)
      var facts =
          new ImportFacts(
              true,
              0,
              Set.of(OPERATE),
              List.of(
                  position(OPERATE, "zeebe-record-process-instance", true),
                  position(OPERATE, "zeebe-record-job", false)));
      // when
      var status = facts.status();
      // then
      assertThat(status).isEqualTo(ImportStatus.of(1, 2));
      assertThat(status.state()).isEqualTo(State.WAITING);
    }
  }

  @Nested
  class Completed {

    @Test
    void shouldCompleteOnceEveryReaderOfEveryImporterHasCompleted() {
      // given both importers with completed readers of the partition
      var facts =
          new ImportFacts(
              true,
              50,
              Set.of(OPERATE, TASKLIST),
              List.of(
                  position(OPERATE, "zeebe-record-process-instance", true),
                  position(TASKLIST, "zeebe-record-user-task", true)));
      // when
      var status = facts.status();
      // then
      assertThat(status).isEqualTo(ImportStatus.of(2, 2));
      assertThat(status.state()).isEqualTo(State.COMPLETED);
      assertThat(status.detail()).isEqualTo("2 of 2 readers completed");
    }

    @Test
    void shouldCountAPositionInAnIndexCreatedSinceTheIndicesWereListed() {
      // given a position in an index the listing did not see yet
      var facts =
          new ImportFacts(
              true, 3, Set.of(), List.of(position(OPERATE, "zeebe-record-process-instance", true)));
      // when / then
      assertThat(facts.status().state()).isEqualTo(State.COMPLETED);
    }
  }
}
