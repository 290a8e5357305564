package dev.sightline.probe.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.probe.workload.shape.ProcessChain;
import dev.sightline.probe.workload.shape.Shape;
import dev.sightline.probe.workload.shape.Shapes;
import dev.sightline.probe.workload.shape.Step;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The records of a workload in virtual time: log order, keys, tree fields, instances and the open
 * loop.
 */
class WorkloadRecordsTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  /** 2 s of the default benchmark over 3 partitions at 20 instances/s: 40 started instances. */
  private static WorkloadSpec benchmark() {
    return WorkloadSpec.defaults()
        .withRate(20)
        .withDuration(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  private static Map<Integer, List<Record<?>>> generate(WorkloadSpec spec) {
    var workload = Workload.of(spec, START);
    var partitions = new HashMap<Integer, List<Record<?>>>();
    for (int p = 1; p <= spec.partitions(); p++) {
      partitions.put(p, workload.stream(p).toList());
    }
    return partitions;
  }

  private static List<Record<?>> all(Map<Integer, List<Record<?>>> partitions) {
    return partitions.values().stream().flatMap(List::stream).toList();
  }

  @Nested
  class LogOrder {

    @Test
    void shouldNumberEachPartitionsRecordsFromOneWithoutGaps() {
      // given / when
      var partitions = generate(benchmark());

      // then
      partitions.forEach(
          (partitionId, records) -> {
            assertThat(records)
                .extracting(Record::getPosition)
                .as("partition %d", partitionId)
                .containsExactlyElementsOf(
                    IntStream.rangeClosed(1, records.size()).mapToObj(i -> (long) i).toList());
            assertThat(records)
                .allSatisfy(r -> assertThat(r.getPartitionId()).isEqualTo(partitionId));
          });
    }

    @Test
    void shouldDeployBeforeAnythingElseOnEveryPartition() {
      // given / when
      var partitions = generate(benchmark());

      // then
      partitions.forEach(
          (partitionId, records) ->
              assertThat(records.subList(0, 4))
                  .extracting(Record::getValueType, Record::getIntent)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          ValueType.DEPLOYMENT, DeploymentIntent.CREATE),
                      org.assertj.core.groups.Tuple.tuple(ValueType.PROCESS, ProcessIntent.CREATED),
                      org.assertj.core.groups.Tuple.tuple(ValueType.PROCESS, ProcessIntent.CREATED),
                      org.assertj.core.groups.Tuple.tuple(
                          ValueType.DEPLOYMENT, DeploymentIntent.CREATED)));
    }

    @Test
    void shouldStampEveryRecordWithTheIntendedTimeOfTheCommandItFollowsFrom() {
      // given / when
      var partitions = generate(benchmark());

      // then
      partitions
          .values()
          .forEach(
              records -> {
                Map<Long, Long> timestampAt = new HashMap<>();
                long previous = Long.MIN_VALUE;
                for (Record<?> record : records) {
                  timestampAt.put(record.getPosition(), record.getTimestamp());
                  assertThat(record.getTimestamp())
                      .as("timestamps never go back")
                      .isGreaterThanOrEqualTo(previous);
                  previous = record.getTimestamp();
                  if (record.getSourceRecordPosition() != -1) {
                    assertThat(record.getTimestamp())
                        .isEqualTo(timestampAt.get(record.getSourceRecordPosition()));
                    assertThat(record.getSourceRecordPosition()).isLessThan(record.getPosition());
                  } else {
                    assertThat(record.getRecordType())
                        .as("only commands come from outside")
                        .isEqualTo(RecordType.COMMAND);
                  }
                }
              });
    }

    @Test
    void shouldGenerateTheSameRecordsForTheSameSpecAndStart() {
      // given
      var spec = benchmark().withIncidents(0.2, Duration.ofMillis(300));

      // when
      var first = generate(spec);
      var second = generate(spec);

      // then
      assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldGenerateLazily() {
      // given: a workload of 3.6 billion instances, far more than memory could hold
      var endless = benchmark().withRate(1000).withDuration(Duration.ofHours(1000), Duration.ZERO);

      // when
      List<Record<?>> firstRecords = Workload.of(endless, START).stream(1).limit(10_000).toList();

      // then
      assertThat(endless.instanceCount()).isEqualTo(3_600_000_000L);
      assertThat(firstRecords).hasSize(10_000);
    }
  }

  @Nested
  class Keys {

    @Test
    void shouldGenerateKeysThatCarryTheirPartition() {
      // given / when
      var partitions = generate(benchmark().withIncidents(0.3, Duration.ofMillis(200)));

      // then: the deployment's keys are partition 1's everywhere (distributed), every other key is
      // local
      partitions.forEach(
          (partitionId, records) ->
              records.stream()
                  .filter(r -> r.getKey() != -1)
                  .forEach(
                      r -> {
                        long owner =
                            r.getValueType() == ValueType.DEPLOYMENT
                                    || r.getValueType() == ValueType.PROCESS
                                ? 1
                                : partitionId;
                        assertThat(r.getKey() >> 51).as("%s", r).isEqualTo(owner);
                        if (r.getValue() instanceof ProcessInstanceRecordValue value) {
                          assertThat(value.getProcessInstanceKey() >> 51)
                              .isEqualTo((long) partitionId);
                          assertThat(value.getProcessDefinitionKey() >> 51).isEqualTo(1L);
                        }
                      }));
    }

    @Test
    void shouldGiveEveryElementInstanceItsOwnKey() {
      // given / when
      var records = all(generate(benchmark()));

      // then
      var activating =
          records.stream()
              .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING)
              .map(Record::getKey)
              .toList();
      assertThat(activating).doesNotHaveDuplicates();
    }
  }

  @Nested
  class Instances {

    @Test
    void shouldCreateSixProcessInstancesPerStartedInstanceAndCompleteThemAll() {
      // given
      var spec = benchmark().withIncidents(0.3, Duration.ofMillis(200));

      // when
      var records = all(generate(spec));

      // then
      Map<Long, Long> parentOf = new HashMap<>();
      Map<Long, Integer> completedPerRoot = new HashMap<>();
      for (Record<?> record : records) {
        if (record.getValue() instanceof ProcessInstanceRecordValue value
            && value.getBpmnElementType() == BpmnElementType.PROCESS
            && record.getRecordType() == RecordType.EVENT) {
          if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
            parentOf.put(record.getKey(), value.getParentProcessInstanceKey());
          } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
            completedPerRoot.merge(root(parentOf, record.getKey()), 1, Integer::sum);
          }
        }
      }
      long roots = parentOf.values().stream().filter(parent -> parent == -1).count();
      assertThat(roots).isEqualTo(spec.instanceCount()).isEqualTo(40);
      assertThat(parentOf).hasSize(40 * 6);
      assertThat(completedPerRoot)
          .hasSize(40)
          .allSatisfy((root, completed) -> assertThat(completed).isEqualTo(6));
      assertThat(Shapes.benchmark().processInstancesPerStart()).isEqualTo(6);
    }

    @Test
    void shouldCreateCalledInstancesOnTheCallersPartition() {
      // given / when
      var partitions = generate(benchmark());

      // then
      partitions.forEach(
          (partitionId, records) ->
              records.stream()
                  .map(Record::getValue)
                  .filter(ProcessInstanceRecordValue.class::isInstance)
                  .map(ProcessInstanceRecordValue.class::cast)
                  .filter(value -> value.getParentProcessInstanceKey() != -1)
                  .forEach(
                      value ->
                          assertThat(value.getParentProcessInstanceKey() >> 51)
                              .isEqualTo((long) partitionId)));
    }

    @Test
    void shouldRaiseAnIncidentForEveryFailingJobAndResolveIt() {
      // given: every job fails once
      var spec = benchmark().withIncidents(1.0, Duration.ofMillis(500));

      // when
      var records = all(generate(spec));

      // then
      long jobs = count(records, JobIntent.CREATED);
      assertThat(jobs).isEqualTo(40 * 6);
      assertThat(count(records, JobIntent.FAILED)).isEqualTo(jobs);
      assertThat(count(records, IncidentIntent.CREATED)).isEqualTo(jobs);
      assertThat(count(records, IncidentIntent.RESOLVED)).isEqualTo(jobs);
      assertThat(count(records, JobIntent.COMPLETED)).isEqualTo(jobs);
    }

    @Test
    void shouldFailAboutTheConfiguredShareOfJobs() {
      // given
      var spec = benchmark().withRate(200).withIncidents(0.1, Duration.ofMillis(100));

      // when
      var records = all(generate(spec));

      // then: 2 400 jobs, decided by the seed
      double share =
          (double) count(records, IncidentIntent.CREATED) / count(records, JobIntent.CREATED);
      assertThat(share).isBetween(0.08, 0.12);
    }

    @Test
    void shouldCompleteEachJobWorkerDelayAfterItsActivation() {
      // given
      var spec =
          benchmark().withWorkerDelay(Duration.ofMillis(250)).withIncidents(0, Duration.ZERO);

      // when
      var records = all(generate(spec));

      // then
      Map<Long, Long> activatedAt = new HashMap<>();
      records.stream()
          .filter(r -> r.getIntent() == JobBatchIntent.ACTIVATED)
          .forEach(
              r ->
                  ((JobBatchRecordValue) r.getValue())
                      .getJobKeys()
                      .forEach(k -> activatedAt.put(k, r.getTimestamp())));
      List<Record<?>> completions =
          records.stream().filter(r -> r.getIntent() == JobIntent.COMPLETE).toList();
      assertThat(completions)
          .hasSize(40 * 6)
          .allSatisfy(
              r -> assertThat(r.getTimestamp() - activatedAt.get(r.getKey())).isEqualTo(250));
    }

    private static long root(Map<Long, Long> parentOf, long key) {
      long parent;
      while ((parent = parentOf.get(key)) != -1) {
        key = parent;
      }
      return key;
    }
  }

  @Nested
  class OpenLoop {

    @Test
    void shouldStartInstanceIAtStartPlusIOverTheRateRoundRobinOverPartitions() {
      // given
      var spec = benchmark().withRate(30).withPartitions(4);

      // when
      var partitions = generate(spec);

      // then
      assertThat(spec.instanceCount()).isEqualTo(60);
      partitions.forEach(
          (partitionId, records) -> {
            List<Long> starts = creations(records);
            List<Long> intended =
                IntStream.range(0, 60)
                    .filter(i -> spec.partitionOf(i) == partitionId)
                    .mapToObj(i -> START.plusNanos((long) Math.floor(i * 1e9 / 30)).toEpochMilli())
                    .toList();
            assertThat(starts).as("partition %d", partitionId).containsExactlyElementsOf(intended);
          });
    }

    @Test
    void shouldStartInstancesOnTimeWhateverHappensAfterwards() {
      // given: slow workers and an incident for every job
      var fast = benchmark();
      var slow =
          benchmark()
              .withWorkerDelay(Duration.ofSeconds(30))
              .withIncidents(1.0, Duration.ofMinutes(1));

      // when
      var fastStarts = generate(fast);
      var slowStarts = generate(slow);

      // then
      for (int p = 1; p <= 3; p++) {
        assertThat(creations(slowStarts.get(p)))
            .containsExactlyElementsOf(creations(fastStarts.get(p)));
      }
    }

    @Test
    void shouldStartOnlyTheInstancesDueBeforeTheEndOfTheRun() {
      // given
      var spec =
          benchmark().withRate(3).withDuration(Duration.ofSeconds(1), Duration.ofMillis(500));

      // when
      long created = count(all(generate(spec)), ProcessInstanceCreationIntent.CREATED);

      // then: 0 s, 0.333 s, 0.667 s, 1 s, 1.333 s (1.5 s is the end)
      assertThat(created).isEqualTo(spec.instanceCount()).isEqualTo(5);
      assertThat(Workload.of(spec, START).measuredFrom()).isEqualTo(START.plusMillis(500));
    }

    private static List<Long> creations(List<Record<?>> records) {
      return records.stream()
          .filter(r -> r.getIntent() == ProcessInstanceCreationIntent.CREATE)
          .map(Record::getTimestamp)
          .toList();
    }
  }

  @Nested
  class OtherShapes {

    @Test
    void shouldRunAParentCallingAChildTwice() {
      // given
      var child =
          ProcessChain.chain("c", "c-start", "c-end", Step.ServiceTask.of("c-task", "c-work"));
      var parent =
          ProcessChain.chain(
              "p",
              "p-start",
              "p-end",
              Step.CallActivity.of("z-call", "c"),
              Step.CallActivity.of("a-call", "c"));
      var shape = new Shape("two-calls", List.of(child, parent), "p", Map.of());

      // when
      var records = all(generate(benchmark().withShape(shape)));

      // then
      assertThat(count(records, ProcessInstanceCreationIntent.CREATED)).isEqualTo(40);
      assertThat(records)
          .filteredOn(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
          .filteredOn(
              r ->
                  ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                      == BpmnElementType.PROCESS)
          .hasSize(40 * shape.processInstancesPerStart())
          .hasSize(40 * 3);
    }

    @Test
    void shouldRunASingleTask() {
      // given
      var spec = benchmark().withShape(Shapes.singleTask());

      // when
      var records = all(generate(spec));

      // then
      assertThat(count(records, JobIntent.COMPLETED)).isEqualTo(40);
      assertThat(count(records, ProcessInstanceIntent.ELEMENT_COMPLETED)).isEqualTo(40 * 4);
    }
  }

  static long count(List<Record<?>> records, Intent intent) {
    return records.stream().filter(r -> r.getIntent() == intent).count();
  }
}
