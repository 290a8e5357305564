package dev.sightline.probe.workload;

import dev.sightline.probe.workload.engine.EngineObserver;
import dev.sightline.probe.workload.engine.JobRef;
import dev.sightline.probe.workload.engine.PartitionEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The worker and the operator of one partition. Jobs created by one command are activated right
 * after it, one JOB_BATCH per job type (a long-polling worker is answered at once); each is
 * completed {@code workerDelay} after its activation — or, for a fraction {@code incidentRate} of
 * jobs (chosen from the seed and the job key), failed without retries. The operator then, {@code
 * incidentResolveDelay} later, gives the job one retry and resolves the incident; the worker
 * activates it again and completes it {@code workerDelay} later.
 *
 * <p>Not thread-safe: owned by one partition's generator, whose timeline it schedules on.
 */
final class SimulatedWorker implements EngineObserver {

  static final String FAILURE_MESSAGE = "simulated failure";

  private final WorkloadSpec spec;
  private final Timeline timeline;
  private final TimeBase time;
  private PartitionEngine engine;
  private final Map<String, List<Long>> created = new LinkedHashMap<>();

  SimulatedWorker(WorkloadSpec spec, Timeline timeline, TimeBase time) {
    this.spec = spec;
    this.timeline = timeline;
    this.time = time;
  }

  void workOn(PartitionEngine engine) {
    this.engine = engine;
  }

  @Override
  public void jobCreated(JobRef job) {
    created.computeIfAbsent(job.type(), type -> new ArrayList<>()).add(job.key());
  }

  /** Schedules the activation of the jobs the command processed at {@code nowNanos} created. */
  void afterCommand(long nowNanos) {
    created.forEach(
        (type, keys) -> timeline.at(nowNanos, () -> activate(type, keys, nowNanos, false)));
    created.clear();
  }

  private void activate(String type, List<Long> keys, long nowNanos, boolean retry) {
    engine.activateJobs(type, keys, time.millis(nowNanos));
    long doneNanos = nowNanos + spec.workerDelay().toNanos();
    for (long key : keys) {
      if (!retry && failsFirstAttempt(key)) {
        timeline.at(doneNanos, () -> fail(type, key, doneNanos));
      } else {
        timeline.at(doneNanos, () -> engine.completeJob(key, time.millis(doneNanos)));
      }
    }
  }

  private void fail(String type, long jobKey, long nowNanos) {
    long incidentKey = engine.failJob(jobKey, FAILURE_MESSAGE, time.millis(nowNanos));
    long resolveNanos = nowNanos + spec.incidentResolveDelay().toNanos();
    timeline.at(
        resolveNanos,
        () -> {
          engine.updateJobRetries(jobKey, 1, time.millis(resolveNanos));
          engine.resolveIncident(incidentKey, time.millis(resolveNanos));
          timeline.at(resolveNanos, () -> activate(type, List.of(jobKey), resolveNanos, true));
        });
  }

  private boolean failsFirstAttempt(long jobKey) {
    return spec.incidentRate() > 0
        && new SplittableRandom(spec.seed() ^ (jobKey * 0x9E3779B97F4A7C15L)).nextDouble()
            < spec.incidentRate();
  }
}
