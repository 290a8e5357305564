package dev.sightline.probe.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Runs with known histograms: direct visible 100–1,000 ms (completed 200–1,200 ms), two-hop
 * 2,000–8,000 ms (completed 2,400–9,600 ms); with more variants, direct-field 1,000–3,000 ms
 * (bulk.delay=1s) and direct#2 50–500 ms (bulk.delay=200ms), creations only.
 */
final class SampleRuns {

  private SampleRuns() {}

  static Histogram uniformMillis(long fromMillis, long toMillis, int count) {
    var histogram = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < count; i++) {
      histogram.recordValue((fromMillis + (toMillis - fromMillis) * i / (count - 1)) * 1000);
    }
    return histogram;
  }

  /** two-hop, direct-field, direct, and direct#2 for four. */
  static RunResult run(int variants) {
    var sample = run();
    var probe = sample.variants().getFirst().probe();
    var field = new LinkedHashMap<String, Histogram>();
    field.put(Stages.FLUSHED, uniformMillis(500, 2000, 1000));
    field.put(Stages.VISIBLE, uniformMillis(1000, 3000, 1000));
    var fast = new LinkedHashMap<String, Histogram>();
    fast.put(Stages.FLUSHED, uniformMillis(5, 300, 1000));
    fast.put(Stages.VISIBLE, uniformMillis(50, 500, 1000));
    var all =
        new java.util.ArrayList<>(
            List.of(
                sample.variant("two-hop").orElseThrow(),
                new VariantResult(
                    "direct-field",
                    "Sightline exporter with the field's one-hop defaults",
                    Map.of("bulk.delay", "1s"),
                    100_000,
                    2000,
                    60,
                    field,
                    probe,
                    List.of()),
                sample.variant("direct").orElseThrow(),
                new VariantResult(
                    "direct#2",
                    "Sightline exporter with Sightline's defaults",
                    Map.of("bulk.delay", "200ms"),
                    100_000,
                    2000,
                    60,
                    fast,
                    probe,
                    List.of())));
    return new RunResult(
        sample.runId(), sample.startedAt(), sample.settings(), all.subList(0, variants));
  }

  static RunResult run() {
    var direct = new LinkedHashMap<String, Histogram>();
    direct.put(Stages.FLUSHED, uniformMillis(10, 900, 1000));
    direct.put(Stages.VISIBLE, uniformMillis(100, 1000, 1000));
    direct.put(Stages.VISIBLE_COMPLETED, uniformMillis(200, 1200, 1000));
    var twoHop = new LinkedHashMap<String, Histogram>();
    twoHop.put(Stages.FLUSHED, uniformMillis(100, 5000, 1000));
    twoHop.put(Stages.RECORD_VISIBLE, uniformMillis(500, 6000, 1000));
    twoHop.put(Stages.VISIBLE, uniformMillis(2000, 8000, 1000));
    twoHop.put(Stages.VISIBLE_COMPLETED, uniformMillis(2400, 9600, 1000));
    var probe = new VariantResult.ProbeFigures(15, 30, 66, 1000, 0, 0, 12.5);
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
                "direct",
                "Sightline, defaults",
                Map.of(),
                100_000,
                2000,
                60,
                direct,
                probe,
                List.of(),
                java.util.Optional.of(new IndexRefresh("p-pi", "1s", false, "30s")))));
  }
}
