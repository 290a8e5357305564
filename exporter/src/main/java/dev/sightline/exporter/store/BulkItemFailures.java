package dev.sightline.exporter.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rejected bulk items grouped by Elasticsearch error type, each with a count and one sample: a
 * thousand identical mapping errors make one line, not a thousand.
 */
public record BulkItemFailures(int total, Map<String, Group> byType, List<Item> items) {

  /** All items of one error type: how many, and the first one's document and reason. */
  public record Group(int count, String sampleIndex, String sampleId, String sampleReason) {}

  /** One rejected item. */
  public record Item(String index, String id, int status, String type, String reason) {

    /**
     * Whether sending the document again cannot help: a 4xx other than 409 (conflict) and 429 (too
     * many requests) — the document itself is wrong for the index (mapping, parsing, size).
     */
    public boolean isPermanent() {
      return status >= 400 && status < 500 && status != 409 && status != 429;
    }
  }

  public BulkItemFailures {
    byType = Map.copyOf(byType);
    items = List.copyOf(items);
  }

  /** Whether every rejection is permanent, so that retrying the batch can never succeed. */
  public boolean allPermanent() {
    return items.stream().allMatch(Item::isPermanent);
  }

  public String describe() {
    return total
        + " bulk item(s) rejected: "
        + byType.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                entry ->
                    entry.getKey()
                        + " x"
                        + entry.getValue().count()
                        + " (e.g. "
                        + entry.getValue().sampleIndex()
                        + "/"
                        + entry.getValue().sampleId()
                        + ": "
                        + entry.getValue().sampleReason()
                        + ")")
            .collect(Collectors.joining("; "));
  }

  /** Collects failures item by item, keeping the first sample of each type. */
  public static final class Collector {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();
    private int total;

    public void add(String type, String index, String id, int status, String reason) {
      total++;
      items.add(new Item(index, id, status, type, reason));
      groups.merge(
          type,
          new Group(1, index, id, reason),
          (first, next) ->
              new Group(
                  first.count() + 1, first.sampleIndex(), first.sampleId(), first.sampleReason()));
    }

    public boolean isEmpty() {
      return total == 0;
    }

    public BulkItemFailures build() {
      return new BulkItemFailures(total, groups, items);
    }
  }
}
