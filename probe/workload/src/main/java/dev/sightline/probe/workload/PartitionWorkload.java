package dev.sightline.probe.workload;

import dev.sightline.probe.workload.engine.Deployment;
import dev.sightline.probe.workload.engine.PartitionEngine;
import dev.sightline.probe.workload.shape.VariableValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One partition's records of a workload, generated lazily in log order: the deployment at the
 * start, then whichever comes first — the next instance start of this partition (every P-th
 * instance, at its intended time) or the next command the worker or operator scheduled — each
 * processed at its intended time. Only what is in flight is held: the running instances' state and
 * the records of one processed command.
 *
 * <p>Not thread-safe: one iterator, one thread.
 */
final class PartitionWorkload implements Iterator<Record<?>> {

  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final WorkloadSpec spec;
  private final TimeBase time;
  private final Timeline timeline = new Timeline();
  private final SimulatedWorker worker;
  private final PartitionEngine engine;
  private final ArrayDeque<Record<?>> processed = new ArrayDeque<>();
  private final long instanceCount;
  private long nextInstance;

  PartitionWorkload(WorkloadSpec spec, Deployment deployment, TimeBase time, int partitionId) {
    this.spec = spec;
    this.time = time;
    this.worker = new SimulatedWorker(spec, timeline, time);
    this.engine = new PartitionEngine(partitionId, deployment, processed::add, worker);
    worker.workOn(engine);
    this.instanceCount = spec.instanceCount();
    this.nextInstance = partitionId - 1;
    timeline.at(0, () -> engine.deploy(time.millis(0)));
  }

  @Override
  public boolean hasNext() {
    while (processed.isEmpty()) {
      if (!processNextCommand()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Record<?> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return processed.poll();
  }

  private boolean processNextCommand() {
    long startDue =
        nextInstance < instanceCount ? spec.startOffsetNanos(nextInstance) : Long.MAX_VALUE;
    Timeline.Entry scheduled = timeline.peek();
    long now;
    if (scheduled != null && scheduled.dueNanos() <= startDue) {
      timeline.poll();
      now = scheduled.dueNanos();
      scheduled.command().run();
    } else if (startDue != Long.MAX_VALUE) {
      now = startDue;
      startInstance(nextInstance, now);
      nextInstance += spec.partitions();
    } else {
      return false;
    }
    worker.afterCommand(now);
    return true;
  }

  private void startInstance(long instance, long nowNanos) {
    var variables = new LinkedHashMap<>(spec.shape().variables());
    if (spec.payloadBytes() > 0) {
      variables.put("payload", VariableValue.plainString(payload(instance)));
    }
    engine.createProcessInstance(spec.shape().rootProcessId(), variables, time.millis(nowNanos));
  }

  private String payload(long instance) {
    var random = new SplittableRandom(spec.seed() * 31 + instance);
    var chars = new char[spec.payloadBytes()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
    }
    return new String(chars);
  }
}
