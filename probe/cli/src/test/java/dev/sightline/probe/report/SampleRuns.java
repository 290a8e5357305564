package dev.sightline.probe.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** A run with known histograms: direct visible 100–1,000 ms, two-hop 2,000–8,000 ms. */
final class SampleRuns {

  private SampleRuns() {}

  static Histogram uniformMillis(long fromMillis, long toMillis, int count) {
    var histogram = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < count; i++) {
      histogram.recordValue((fromMillis + (toMillis - fromMillis) * i / (count - 1)) * 1000);
    }
    return histogram;
  }

  static RunResult run() {
    var direct = new LinkedHashMap<String, Histogram>();
    direct.put(Stages.FLUSHED, uniformMillis(10, 900, 1000));
    direct.put(Stages.VISIBLE, uniformMillis(100, 1000, 1000));
    var twoHop = new LinkedHashMap<String, Histogram>();
    twoHop.put(Stages.FLUSHED, uniformMillis(100, 5000, 1000));
    twoHop.put(Stages.RECORD_VISIBLE, uniformMillis(500, 6000, 1000));
    twoHop.put(Stages.VISIBLE, uniformMillis(2000, 8000, 1000));
    var probe = new VariantResult.ProbeFigures(15, 30, 66, 1000, 0, 0);
    return new RunResult(
        "20261128-050000",
        Instant.parse("2026-11-28T05:00:00Z"),
        Map.of("rate", "10/s", "partitions", "3"),
        List.of(
            new VariantResult(
                "two-hop",
                "record exporter + importer, 8.6 defaults",
                100_000,
                2000,
                60,
                twoHop,
                probe,
                List.of()),
            new VariantResult(
                "direct", "Sightline, defaults", 100_000, 2000, 60, direct, probe, List.of())));
  }
}
