package dev.sightline.probe.recordjson;

import io.camunda.zeebe.protocol.record.Record;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every record found in a document, in document order, with the counts a caller reports.
 *
 * @param results one result per record found
 */
public record ReadAllResult(List<ReadResult> results) {

  public ReadAllResult {
    results = List.copyOf(results);
  }

  /** The mapped records, in document order. */
  public List<Record<?>> records() {
    return results.stream()
        .<Record<?>>mapMulti(
            (result, sink) -> {
              if (result instanceof ReadResult.Mapped mapped) {
                sink.accept(mapped.record());
              }
            })
        .toList();
  }

  /** The skipped records, in document order. */
  public List<ReadResult.Skipped> skipped() {
    return results.stream()
        .<ReadResult.Skipped>mapMulti(
            (result, sink) -> {
              if (result instanceof ReadResult.Skipped skipped) {
                sink.accept(skipped);
              }
            })
        .toList();
  }

  public int mappedCount() {
    return results.size() - skippedCount();
  }

  public int skippedCount() {
    return (int) results.stream().filter(ReadResult.Skipped.class::isInstance).count();
  }

  /** How many JSON properties of mapped records were ignored, summed over the records. */
  public int ignoredPropertyCount() {
    return results.stream()
        .mapToInt(r -> r instanceof ReadResult.Mapped m ? m.ignoredProperties().size() : 0)
        .sum();
  }

  /** Skipped records counted by reason, reasons sorted. */
  public Map<String, Integer> skippedByReason() {
    Map<String, Integer> counts = new TreeMap<>();
    skipped().forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
    return counts;
  }
}
