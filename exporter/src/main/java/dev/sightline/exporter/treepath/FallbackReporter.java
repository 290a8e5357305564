package dev.sightline.exporter.treepath;

import dev.sightline.exporter.meters.ExporterMeter;
import dev.sightline.exporter.util.LruCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Counts every fallback and logs once per (kind, process definition) — never once per record:
 * records without paths once flooded brokers' logs (camunda/camunda#26048).
 */
public final class FallbackReporter implements TreePathFallback {

  private static final int REMEMBERED_DEFINITIONS = 1_000;

  private final Logger log;
  private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);
  private final LruCache<String, Boolean> logged = new LruCache<>(REMEMBERED_DEFINITIONS);

  public FallbackReporter(MeterRegistry registry, int partitionId, Logger log) {
    this.log = log;
    for (var kind : Kind.values()) {
      counters.put(
          kind,
          Counter.builder(ExporterMeter.TREEPATH_FALLBACKS.id())
              .description(ExporterMeter.TREEPATH_FALLBACKS.description())
              .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
              .tag("partition", Integer.toString(partitionId))
              .register(registry));
    }
  }

  @Override
  public void onFallback(Kind kind, long processDefinitionKey, String bpmnProcessId) {
    counters.get(kind).increment();
    var id = kind + "/" + processDefinitionKey;
    if (logged.get(id).isEmpty()) {
      logged.put(id, Boolean.TRUE);
      log.warn(
          "Tree path fallback ({}) for process '{}' (definition {}): its parent is unknown to this exporter;"
              + " further cases for this definition are only counted (metric sightline.exporter.treepath.fallbacks)",
          kind,
          bpmnProcessId,
          processDefinitionKey);
    }
  }
}
