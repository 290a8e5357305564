package dev.sightline.it.latency;

import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * An open-loop trickle of process-instance starts: arrivals at exponential gaps (a Poisson process)
 * of the given mean rate, each record stamped with its <em>intended</em> time, whether or not the
 * generator is late — so a stall shows up as latency instead of hiding it (coordinated omission).
 * One record per instance: the ELEMENT_ACTIVATING of the process element, with 8.8 tree fields,
 * which creates its process-instance document; with {@link #runWithCompletions} also its
 * ELEMENT_COMPLETED, which updates it.
 *
 * <p>Not thread-safe: run it on one thread.
 */
final class Trickle {

  private final RecordFactory records = new RecordFactory(1);
  private final SplittableRandom random;
  private final InstantSource clock;
  private final long definitionKey = records.nextKey();

  Trickle(InstantSource clock, long seed) {
    this.clock = clock;
    this.random = new SplittableRandom(seed);
  }

  /**
   * Starts instances as {@link #run} does and completes each a uniformly random time up to {@code
   * maxLifetime} after its start (its ELEMENT_COMPLETED, which updates the process-instance
   * document): records in the order of their intended times, each stamped with it, the last
   * completions after {@code duration}. Returns how many records.
   */
  int runWithCompletions(
      double perSecond, Duration duration, Duration maxLifetime, Consumer<Record<?>> sink) {
    var completions = new PriorityQueue<Completion>(Comparator.comparingLong(Completion::atMillis));
    var count = new int[1];
    arrivals(
        perSecond,
        duration,
        intendedMillis -> {
          while (!completions.isEmpty() && completions.peek().atMillis() <= intendedMillis) {
            sink.accept(completed(completions.poll()));
            count[0]++;
          }
          var started = processStarted(intendedMillis);
          sink.accept(started);
          count[0]++;
          completions.add(
              new Completion(
                  started.getKey(),
                  (ProcessInstanceRecordValue) started.getValue(),
                  started.getTimestamp() + (long) (random.nextDouble() * maxLifetime.toMillis())));
        });
    while (!completions.isEmpty()) {
      var next = completions.poll();
      var waitMillis = next.atMillis() - clock.millis();
      if (waitMillis > 0) {
        LockSupport.parkNanos(Duration.ofMillis(waitMillis).toNanos());
      }
      sink.accept(completed(next));
      count[0]++;
    }
    return count[0];
  }

  /** An instance's completion, due at its intended time. */
  private record Completion(long key, ProcessInstanceRecordValue value, long atMillis) {}

  private Record<?> completed(Completion completion) {
    return records.event(
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.ELEMENT_COMPLETED,
        completion.key(),
        completion.value(),
        completion.atMillis());
  }

  /** Emits records for {@code duration} at {@code perSecond} on average; returns how many. */
  int run(double perSecond, Duration duration, Consumer<Record<?>> sink) {
    return arrivals(
        perSecond, duration, intendedMillis -> sink.accept(processStarted(intendedMillis)));
  }

  /** Calls {@code arrival} at each intended time, late rather than never; returns how many. */
  private int arrivals(double perSecond, Duration duration, LongConsumer arrival) {
    var startMillis = clock.millis();
    var endMillis = startMillis + duration.toMillis();
    var intendedMillis = (double) startMillis;
    var count = 0;
    while (true) {
      intendedMillis += -Math.log(1 - random.nextDouble()) * 1_000 / perSecond;
      if (intendedMillis >= endMillis) {
        return count;
      }
      var waitMillis = (long) intendedMillis - clock.millis();
      if (waitMillis > 0) {
        LockSupport.parkNanos(Duration.ofMillis(waitMillis).toNanos());
      }
      arrival.accept((long) intendedMillis);
      count++;
    }
  }

  private Record<?> processStarted(long intendedMillis) {
    var key = records.nextKey();
    var value =
        ImmutableProcessInstanceRecordValue.builder()
            .withBpmnProcessId("trickle")
            .withVersion(1)
            .withProcessDefinitionKey(definitionKey)
            .withProcessInstanceKey(key)
            .withElementId("trickle")
            .withFlowScopeKey(-1)
            .withBpmnElementType(BpmnElementType.PROCESS)
            .withBpmnEventType(BpmnEventType.UNSPECIFIED)
            .withParentProcessInstanceKey(-1)
            .withParentElementInstanceKey(-1)
            .withTenantId("<default>")
            .withElementInstancePath(List.of(List.of(key)))
            .withProcessDefinitionPath(List.of(definitionKey))
            .withCallingElementPath(List.of())
            .build();
    return records.event(
        ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.ELEMENT_ACTIVATING,
        key,
        value,
        intendedMillis);
  }
}
