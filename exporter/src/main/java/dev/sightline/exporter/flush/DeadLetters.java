package dev.sightline.exporter.flush;

import static dev.sightline.exporter.schema.DeadLetterIndex.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.handler.Dates;
import dev.sightline.exporter.meters.ExporterMeter;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.util.LruCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Writes permanently rejected documents to the dead-letter index: the rejected document, where it
 * was going, the error and the time. Counts each (metric {@code
 * sightline.exporter.dead.letters{errorType}}) and logs once per error type, not once per document.
 *
 * <p>A dead letter's id is the SHA-256 of its target index, document id and position (or, for a
 * document without one, its content): bounded far below Elasticsearch's 512 bytes, and the same
 * when the broker replays the records, so a replay overwrites its dead letters instead of adding to
 * them.
 *
 * <p>If Elasticsearch refuses a dead letter for good as well (the dead-letter index was created by
 * hand with another mapping, the document is too large), it is written once more without the
 * document; if that fails too, or the dead-letter index refuses for now (a block, privileges), the
 * flush fails: an ERROR names the reason, {@code sightline.exporter.dead.letters.failed{errorType}}
 * counts it, and the batch is kept and retried — never acknowledged without its dead letters. Not
 * thread-safe (exporter thread).
 */
public final class DeadLetters {

  static final String NOT_ANSWERED = "unreachable";

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

  /**
   * Writes a dead letter for every rejected item; throws {@link StoreException} if they could not
   * all be written, the rejected documents then count as neither written nor dead-lettered.
   */
  public void write(
      DocumentStore store, BulkItemFailures failures, List<PendingDocument> batch, long nowMillis) {
    var letters = letters(failures, batch, nowMillis);
    try {
      try {
        store.write(letters);
      } catch (StoreException e) {
        var refused = e.itemFailures().filter(BulkItemFailures::allPermanent);
        if (refused.isEmpty()) {
          throw e;
        }
        store.write(withoutDocuments(letters, refused.get()));
        log.error(
            "Elasticsearch refused {} dead letter(s) with their document ({}); they were written"
                + " to {} without it: the rejected documents' fields are kept nowhere",
            refused.get().total(),
            refused.get().describe(),
            deadLetterIndex);
      }
    } catch (StoreException e) {
      failed(e, letters.size());
      throw e;
    }
    written(failures);
  }

  private List<PendingDocument> letters(
      BulkItemFailures failures, List<PendingDocument> batch, long nowMillis) {
    var byKey = new LinkedHashMap<DocumentKey, PendingDocument>();
    batch.forEach(document -> byKey.put(document.key(), document));
    var letters = new Batch();
    for (var item : failures.items()) {
      var rejected = byKey.get(new DocumentKey(item.index(), item.id()));
      var source = rejected == null ? Map.<String, Object>of() : rejected.fields();
      var document = serialize(source);
      var fields = new LinkedHashMap<String, Object>();
      fields.put(TARGET_INDEX.name(), item.index());
      fields.put(DOCUMENT_ID.name(), item.id());
      fields.put(DOCUMENT.name(), document);
      fields.put(ERROR_TYPE.name(), item.type());
      fields.put(STATUS.name(), item.status());
      fields.put(REASON.name(), item.reason());
      fields.put(DEAD_LETTERED_AT.name(), Dates.iso(nowMillis));
      fields.put(PARTITION_ID.name(), partitionId);
      var identity = "#" + document;
      if (source.get("position") instanceof Number position) {
        fields.put(POSITION.name(), position.longValue());
        identity = "@" + position.longValue();
      }
      letters.merge(
          new DocumentKey(deadLetterIndex, id(item.index(), item.id(), identity)), fields);
    }
    return letters.documents();
  }

  /** The refused letters again, without the rejected document and saying why. */
  private static List<PendingDocument> withoutDocuments(
      List<PendingDocument> letters, BulkItemFailures refused) {
    var again = new Batch();
    var byKey = new LinkedHashMap<DocumentKey, PendingDocument>();
    letters.forEach(letter -> byKey.put(letter.key(), letter));
    for (var item : refused.items()) {
      var letter = byKey.get(new DocumentKey(item.index(), item.id()));
      if (letter == null) {
        continue;
      }
      var fields = new LinkedHashMap<>(letter.fields());
      fields.remove(DOCUMENT.name());
      fields.put(
          REASON.name(),
          fields.get(REASON.name())
              + " [the dead letter with the document was refused too ("
              + item.type()
              + ": "
              + item.reason()
              + "), so it holds none]");
      again.merge(letter.key(), fields);
    }
    return again.documents();
  }

  /**
   * SHA-256 hex (64 characters) of target index, document id and the letter's identity within the
   * document (its position, or its content).
   */
  static String id(String targetIndex, String documentId, String identity) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (var part : List.of(targetIndex, documentId, identity)) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Counts what was dead-lettered; logs the first of each error type. */
  private void written(BulkItemFailures failures) {
    for (var item : failures.items()) {
      Counter.builder(ExporterMeter.DEAD_LETTERS.id())
          .description(ExporterMeter.DEAD_LETTERS.description())
          .tag("errorType", item.type())
          .tag("partition", Integer.toString(partitionId))
          .register(registry)
          .increment();
      if (loggedTypes.get(item.type()).isEmpty()) {
        loggedTypes.put(item.type(), Boolean.TRUE);
        log.warn(
            "Elasticsearch rejected a document for good ({}: {}); it went to {} and the partition"
                + " moves on. Further '{}' rejections are only counted (metric"
                + " sightline.exporter.dead.letters)",
            item.type(),
            item.reason(),
            deadLetterIndex,
            item.type());
      }
    }
  }

  private void failed(StoreException failure, int letters) {
    var types =
        failure
            .itemFailures()
            .map(items -> items.byType().keySet().stream().toList())
            .orElse(List.of(NOT_ANSWERED));
    for (var type : types) {
      Counter.builder(ExporterMeter.DEAD_LETTERS_FAILED.id())
          .description(ExporterMeter.DEAD_LETTERS_FAILED.description())
          .tag("errorType", type)
          .tag("partition", Integer.toString(partitionId))
          .register(registry)
          .increment();
    }
    log.error(
        "Writing {} dead letter(s) to {} failed, so the batch is kept and retried and the"
            + " partition waits until they can be written: {}",
        letters,
        deadLetterIndex,
        failure.getMessage());
  }

  private String serialize(Map<String, Object> source) {
    try {
      return json.writeValueAsString(source);
    } catch (JsonProcessingException e) {
      return String.valueOf(source);
    }
  }
}
