package dev.sightline.exporter.flush;

import static dev.sightline.exporter.schema.DeadLetterIndex.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.handler.Dates;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.util.LruCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Turns permanently rejected documents into dead-letter documents: the rejected document, where it
 * was going, the error and the time. Counts each (metric {@code
 * sightline.exporter.dead.letters{errorType}}) and logs once per error type, not once per document.
 * Not thread-safe (exporter thread).
 */
public final class DeadLetters {

  private final String deadLetterIndex;
  private final int partitionId;
  private final MeterRegistry registry;
  private final Logger log;
  private final ObjectMapper json;
  private final LruCache<String, Boolean> loggedTypes = new LruCache<>(100);

  public DeadLetters(
      String deadLetterIndex,
      int partitionId,
      MeterRegistry registry,
      Logger log,
      ObjectMapper json) {
    this.deadLetterIndex = deadLetterIndex;
    this.partitionId = partitionId;
    this.registry = registry;
    this.log = log;
    this.json = json;
  }

  /** The dead-letter documents for every rejected item, keyed by their own (index, id). */
  public List<PendingDocument> letters(
      BulkItemFailures failures, List<PendingDocument> batch, long nowMillis) {
    var byKey = new LinkedHashMap<DocumentKey, PendingDocument>();
    batch.forEach(document -> byKey.put(document.key(), document));
    var letters = new dev.sightline.exporter.batch.Batch();
    for (var item : failures.items()) {
      var rejected = byKey.get(new DocumentKey(item.index(), item.id()));
      var source = rejected == null ? Map.<String, Object>of() : rejected.fields();
      var fields = new LinkedHashMap<String, Object>();
      fields.put(TARGET_INDEX.name(), item.index());
      fields.put(DOCUMENT_ID.name(), item.id());
      fields.put(DOCUMENT.name(), serialize(source));
      fields.put(ERROR_TYPE.name(), item.type());
      fields.put(STATUS.name(), item.status());
      fields.put(REASON.name(), item.reason());
      fields.put(DEAD_LETTERED_AT.name(), Dates.iso(nowMillis));
      fields.put(PARTITION_ID.name(), partitionId);
      if (source.get("position") instanceof Number position) {
        fields.put(POSITION.name(), position.longValue());
      }
      var id =
          item.index() + "/" + item.id() + "@" + fields.getOrDefault(POSITION.name(), nowMillis);
      letters.upsert(new DocumentKey(deadLetterIndex, id), fields);
    }
    return letters.documents();
  }

  /** Counts what was dead-lettered; logs the first of each error type. */
  public void written(BulkItemFailures failures) {
    for (var item : failures.items()) {
      Counter.builder("sightline.exporter.dead.letters")
          .description(
              "Documents Elasticsearch rejected for good, written to the dead-letter index instead")
          .tag("errorType", item.type())
          .tag("partition", Integer.toString(partitionId))
          .register(registry)
          .increment();
      if (loggedTypes.get(item.type()).isEmpty()) {
        loggedTypes.put(item.type(), Boolean.TRUE);
        log.warn(
            "Elasticsearch rejected a document for good ({}: {}); it went to {} and the partition moves on."
                + " Further '{}' rejections are only counted (metric sightline.exporter.dead.letters)",
            item.type(),
            item.reason(),
            deadLetterIndex,
            item.type());
      }
    }
  }

  private String serialize(Map<String, Object> source) {
    try {
      return json.writeValueAsString(source);
    } catch (JsonProcessingException e) {
      return String.valueOf(source);
    }
  }
}
