package dev.sightline.probe.compare;

import dev.sightline.exporter.config.Durations;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.latency.VisibilityProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of a variant's run: waits, within one drain timeout, until every partition's exporter has
 * acknowledged the last record appended to it and then until the probe has found every document it
 * expects; says what was left undone when the time ran out.
 */
final class Drain {

  private Drain() {}

  /**
   * @param lastPositions per partition, the position of the last record appended
   * @return what was left undone, one line each; empty when everything drained in time
   */
  static List<String> await(
      BrokerHost host,
      String exporterId,
      Map<Integer, Long> lastPositions,
      VisibilityProbe probe,
      Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    var unfinished = new ArrayList<String>();
    for (var entry : new TreeMap<>(lastPositions).entrySet()) {
      int partitionId = entry.getKey();
      long last = entry.getValue();
      try {
        var acknowledged =
            host.partition(partitionId)
                .orElseThrow()
                .awaitAcknowledged(exporterId, last, remaining(deadline));
        if (!acknowledged) {
          unfinished.add(
              "partition %d: the exporter acknowledged %s, the last record is at position %d"
                  .formatted(partitionId, acknowledged(host, partitionId, exporterId), last));
        }
      } catch (IllegalStateException e) {
        unfinished.add(
            "partition %d: %s (the exporter acknowledged %s of %d)"
                .formatted(
                    partitionId,
                    e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause(),
                    acknowledged(host, partitionId, exporterId),
                    last));
      }
    }
    if (!probe.awaitNothingPending(remaining(deadline))) {
      var report = probe.report();
      unfinished.add(
          "probe: %,d expected documents not found (%,d found)"
              .formatted(report.pending(), report.met()));
    }
    return unfinished;
  }

  /** The one line that says a variant did not finish, with its reasons. */
  static String describe(String variant, Duration timeout, List<String> unfinished) {
    return "%s did not finish within the drain timeout of %s: %s"
        .formatted(variant, Durations.format(timeout), String.join("; ", unfinished));
  }

  private static String acknowledged(BrokerHost host, int partitionId, String exporterId) {
    var position = host.acknowledgedPosition(partitionId, exporterId);
    return position < 0 ? "nothing" : "up to position " + position;
  }

  private static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }
}
