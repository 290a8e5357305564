package dev.sightline.probe.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A comparison that ran: its settings and every variant's result, drained or not. */
public record RunResult(
    String runId, Instant startedAt, Map<String, String> settings, List<VariantResult> variants) {

  public RunResult {
    settings = Map.copyOf(settings);
    variants = List.copyOf(variants);
  }

  /** True when every variant drained (see {@link VariantResult#unfinished()}). */
  public boolean finished() {
    return variants.stream().allMatch(VariantResult::finished);
  }

  public Optional<VariantResult> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }
}
