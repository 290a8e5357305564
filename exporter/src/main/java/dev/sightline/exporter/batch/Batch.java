package dev.sightline.exporter.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The documents waiting for the next flush, keyed by (index, id), with the totals the flush policy
 * needs: document count, estimated bytes, when the oldest pending record arrived, and the highest
 * record position the batch covers (acknowledged once the batch is durable).
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
public final class Batch {

  private static final long NONE = -1;

  private final Map<DocumentKey, PendingDocument> documents = new LinkedHashMap<>();
  private long estimatedBytes;
  private long oldestRecordAtMillis = NONE;
  private long highestPosition = NONE;
  private int recordCount;

  /** How documents created in a batch are written. */
  public enum NewDocuments {
    /** Whole, as index operations: for one writer that sees every entity's records in log order. */
    WHOLE,
    /**
     * Merged like every other change: for writers that may see an entity's later records first (the
     * two-hop importer reads each value type on its own), where a whole write could drop fields
     * written before.
     */
    MERGED
  }

  private final NewDocuments newDocuments;
  private final WrittenDocuments written;
  private final Set<DocumentKey> notWritten = new HashSet<>();

  public Batch() {
    this(NewDocuments.WHOLE);
  }

  public Batch(NewDocuments newDocuments) {
    this(newDocuments, null);
  }

  /**
   * @param written whole documents written before, so that their later changes are written whole
   *     too (only with {@link NewDocuments#WHOLE}); null: later changes are partial updates
   */
  public Batch(NewDocuments newDocuments, WrittenDocuments written) {
    this.newDocuments = newDocuments;
    this.written = newDocuments == NewDocuments.WHOLE ? written : null;
  }

  /**
   * Merges fields into the pending document for the key, creating it if needed: whole, from the
   * document as last written, if that is known; else as a partial update.
   */
  public void upsert(DocumentKey key, Map<String, ?> fields) {
    var document =
        documents.computeIfAbsent(key, this::continued); // may add the previous fields' bytes
    estimatedBytes += document.merge(fields);
  }

  private PendingDocument continued(DocumentKey key) {
    var previous = written == null ? Optional.<Map<String, Object>>empty() : written.get(key);
    if (previous.isEmpty()) {
      return new PendingDocument(key);
    }
    var document = new PendingDocument(key, true);
    estimatedBytes += document.merge(previous.get());
    return document;
  }

  /**
   * Documents of this batch that Elasticsearch rejected (and the dead-letter index got instead).
   */
  public void notWritten(DocumentKey key) {
    notWritten.add(key);
  }

  /**
   * The fields of the record that creates the entity (an element's ELEMENT_ACTIVATING, a job's
   * CREATED, …): nothing of the document can exist before it, so unless this batch already holds
   * changes of the key, the document is written whole. Later records of the same batch merge in as
   * usual.
   */
  public void create(DocumentKey key, Map<String, ?> fields) {
    var whole = newDocuments == NewDocuments.WHOLE;
    estimatedBytes +=
        documents.computeIfAbsent(key, k -> new PendingDocument(k, whole)).merge(fields);
  }

  /** {@link #create} for the record that creates the entity, {@link #upsert} for any other. */
  public void write(DocumentKey key, Map<String, ?> fields, boolean creates) {
    if (creates) {
      create(key, fields);
    } else {
      upsert(key, fields);
    }
  }

  /** The fields this batch will write for a key, if any (to read an entity not yet flushed). */
  public Optional<Map<String, Object>> pending(DocumentKey key) {
    return Optional.ofNullable(documents.get(key)).map(PendingDocument::fields);
  }

  /** Counts a record the batch now covers; {@code nowMillis} is when the exporter accepted it. */
  public void recordAccepted(long position, long nowMillis) {
    if (oldestRecordAtMillis == NONE) {
      oldestRecordAtMillis = nowMillis;
    }
    highestPosition = Math.max(highestPosition, position);
    recordCount++;
  }

  /**
   * Moves the acknowledgement point past a record that needed no document, to be acknowledged with
   * the next flush (when nothing is pending and writing is allowed, the caller acknowledges such a
   * record at once).
   */
  public void recordSkipped(long position) {
    highestPosition = Math.max(highestPosition, position);
  }

  /** Nothing to write and no position to acknowledge. */
  public boolean isEmpty() {
    return documents.isEmpty() && highestPosition == NONE;
  }

  public int documentCount() {
    return documents.size();
  }

  public int recordCount() {
    return recordCount;
  }

  public long estimatedBytes() {
    return estimatedBytes;
  }

  /** When the oldest pending record was accepted, or empty if none is pending. */
  public Optional<Long> oldestRecordAtMillis() {
    return oldestRecordAtMillis == NONE ? Optional.empty() : Optional.of(oldestRecordAtMillis);
  }

  /** The highest position a successful flush of this batch makes durable; -1 if none. */
  public long highestPosition() {
    return highestPosition;
  }

  /** A snapshot of the pending documents in first-touched order. */
  public List<PendingDocument> documents() {
    return new ArrayList<>(documents.values());
  }

  /** Called after a successful flush only: a failed flush keeps everything for the retry. */
  public void clear() {
    if (written != null) {
      for (var document : documents.values()) {
        if (document.whole() && !notWritten.contains(document.key())) {
          written.written(document);
        } else {
          written.forget(document.key());
        }
      }
    }
    notWritten.clear();
    documents.clear();
    estimatedBytes = 0;
    oldestRecordAtMillis = NONE;
    highestPosition = NONE;
    recordCount = 0;
  }
}
