package dev.sightline.probe.workload.engine;

import io.camunda.zeebe.protocol.record.value.ImmutableIncidentRecordValue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the behaviours of one partition's engine share: the log, the keys, the queue of follow-up
 * commands and the jobs and incidents that are open.
 *
 * <p>Follow-up commands are processed in the order they were written, after the command that wrote
 * them, until none is left — the engine's batch processing, which is what orders the records of the
 * real log. Not thread-safe: one partition, one thread.
 */
final class EngineContext {

  final LogWriter log;
  final KeyGenerator keys;
  final Deployment deployment;
  final EngineObserver observer;
  final Map<Long, Job> jobs = new HashMap<>();
  final Map<Long, Incident> incidents = new HashMap<>();
  private final ArrayDeque<Runnable> followUps = new ArrayDeque<>();

  EngineContext(LogWriter log, KeyGenerator keys, Deployment deployment, EngineObserver observer) {
    this.log = log;
    this.keys = keys;
    this.deployment = deployment;
    this.observer = observer;
  }

  /** Queues the processing of a follow-up command the caller just wrote. */
  void followUp(Runnable processing) {
    followUps.add(processing);
  }

  /** Processes follow-up commands, and theirs, until none is left. */
  void processFollowUps() {
    Runnable next;
    while ((next = followUps.poll()) != null) {
      next.run();
    }
  }

  /** An incident and the job it is about. */
  record Incident(long key, Job job, ImmutableIncidentRecordValue value) {}
}
