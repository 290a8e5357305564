package dev.sightline.exporter.store;

import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rejected bulk items grouped by Elasticsearch error type, each with a count, the indices concerned
 * and one sample: a thousand identical mapping errors make one line, not a thousand. Reasons are
 * kept {@link Reasons#withoutValues without the field values} Elasticsearch quotes.
 */
public record BulkItemFailures(int total, Map<String, Group> byType, List<Item> items) {

  /** Indices named per group, at most. */
  static final int MAX_INDICES = 5;

  /** All items of one error type: how many, their indices, and the first one's details. */
  public record Group(
      int count,
      Set<String> indices,
      String sampleIndex,
      String sampleId,
      int sampleStatus,
      String sampleReason) {

    public Group {
      indices = Set.copyOf(indices);
    }

    /** What an operator should do about this kind of rejection. */
    public String advice(String type) {
      return ElasticsearchErrors.advice(
          sampleStatus, type, sampleReason, String.join(", ", new TreeSet<>(indices)));
    }
  }

  /** One rejected item. */
  public record Item(String index, String id, int status, String type, String reason) {

    public Handling handling() {
      return ElasticsearchErrors.handling(status, type);
    }
  }

  public BulkItemFailures {
    byType = Map.copyOf(byType);
    items = List.copyOf(items);
  }

  /**
   * Whether every rejection is one no retry can change, so that retrying the batch can never
   * succeed: only then do documents go to the dead-letter index.
   */
  public boolean allPermanent() {
    return items.stream().allMatch(item -> item.handling() == Handling.DEAD_LETTER);
  }

  /** Whether Elasticsearch said an index is missing: the schema has to be created again. */
  public boolean anyMissingIndex() {
    return items.stream().anyMatch(item -> item.handling() == Handling.RECREATE_SCHEMA);
  }

  public String describe() {
    return total
        + " bulk item(s) rejected: "
        + byType.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                entry -> {
                  var group = entry.getValue();
                  return entry.getKey()
                      + " x"
                      + group.count()
                      + " (HTTP "
                      + group.sampleStatus()
                      + ", e.g. "
                      + group.sampleIndex()
                      + "/"
                      + group.sampleId()
                      + ": "
                      + group.sampleReason()
                      + ") → "
                      + group.advice(entry.getKey());
                })
            .collect(Collectors.joining("; "));
  }

  /** Collects failures item by item, keeping the first sample of each type. */
  public static final class Collector {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();
    private int total;

    /**
     * @param type Elasticsearch's error type; null (an answer without a body) counts as {@code
     *     "unknown"}
     * @param reason as Elasticsearch gave it: the field values it quotes are removed here
     */
    public void add(String type, String index, String id, int status, String reason) {
      var name = type == null ? "unknown" : type;
      var cleaned = Reasons.withoutValues(reason);
      total++;
      items.add(new Item(index, id, status, name, cleaned));
      groups.merge(
          name,
          new Group(1, Set.of(index), index, id, status, cleaned),
          (first, next) -> {
            var indices = new TreeSet<>(first.indices());
            if (indices.size() < MAX_INDICES) {
              indices.add(index);
            }
            return new Group(
                first.count() + 1,
                indices,
                first.sampleIndex(),
                first.sampleId(),
                first.sampleStatus(),
                first.sampleReason());
          });
    }

    public boolean isEmpty() {
      return total == 0;
    }

    public BulkItemFailures build() {
      return new BulkItemFailures(total, groups, items);
    }
  }
}
