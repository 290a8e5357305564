package dev.sightline.probe.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A finished comparison: its settings and every variant's result. */
public record RunResult(
    String runId, Instant startedAt, Map<String, String> settings, List<VariantResult> variants) {

  public RunResult {
    settings = Map.copyOf(settings);
    variants = List.copyOf(variants);
  }

  public Optional<VariantResult> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }
}
