package dev.sightline.exporter.store;

import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Rejected bulk items grouped by Elasticsearch error type, each with a count and one sample: a
 * thousand identical mapping errors make one entry, not a thousand. Reasons are kept {@link
 * Reasons#withoutValues without the field values} Elasticsearch quotes.
 */
public record BulkItemFailures(int total, Map<String, Group> byType, List<Item> items) {

  /** All items of one error type: how many, and the first one's details. */
  public record Group(
      int count, String sampleIndex, String sampleId, int sampleStatus, String sampleReason) {}

  /** One rejected item. */
  public record Item(String index, String id, int status, String type, String reason) {

    public Handling handling() {
      return ElasticsearchErrors.handling(status, type);
    }
  }

  /** Nothing rejected. */
  public static final BulkItemFailures NONE = new BulkItemFailures(0, Map.of(), List.of());

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

  /**
   * One entry per error type and index (two indices may be blocked differently), with a count, a
   * sample and what an operator should do.
   */
  public String describe() {
    var byTypeAndIndex = new TreeMap<String, List<Item>>();
    items.forEach(
        item ->
            byTypeAndIndex
                .computeIfAbsent(item.type() + " " + item.index(), key -> new ArrayList<>())
                .add(item));
    return total
        + " bulk item(s) rejected: "
        + byTypeAndIndex.values().stream()
            .map(
                group -> {
                  var sample = group.getFirst();
                  return sample.type()
                      + " x"
                      + group.size()
                      + " on "
                      + sample.index()
                      + " (HTTP "
                      + sample.status()
                      + ", e.g. "
                      + sample.id()
                      + ": "
                      + sample.reason()
                      + ") → "
                      + ElasticsearchErrors.advice(
                          sample.status(), sample.type(), sample.reason(), sample.index());
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
          new Group(1, index, id, status, cleaned),
          (first, next) ->
              new Group(
                  first.count() + 1,
                  first.sampleIndex(),
                  first.sampleId(),
                  first.sampleStatus(),
                  first.sampleReason()));
    }

    public boolean isEmpty() {
      return total == 0;
    }

    public BulkItemFailures build() {
      return new BulkItemFailures(total, groups, items);
    }
  }
}
