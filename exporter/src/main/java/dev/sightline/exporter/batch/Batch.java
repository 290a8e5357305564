package dev.sightline.exporter.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every document change not yet durable, keyed by (index, id): the accumulating documents (what the
 * next bulk will carry) and the documents in flight (carried by a bulk not yet answered, or failed
 * and waiting for its retry). With the totals the flush policy needs: document count and estimated
 * bytes of the accumulating documents, when their oldest record arrived, and the highest record
 * position seen.
 *
 * <p>A document is in at most one bulk at a time: {@link #take} leaves a document behind while an
 * earlier bulk carries it ("held back"), so bulks in flight never race on one document and their
 * order at Elasticsearch does not matter. Lookups ({@link #pending}) see both parts.
 *
 * <p>Not thread-safe: owned by the exporter's single thread.
 */
public final class Batch {

  private static final long NONE = -1;

  private final Map<DocumentKey, PendingDocument> documents = new LinkedHashMap<>();
  private final Map<DocumentKey, PendingDocument> inFlight = new HashMap<>();

  /**
   * The lowest positions of the documents in flight, with how many carry each: the durable position
   * is asked for after every record, so it must not scan every document in flight.
   */
  private final TreeMap<Long, Integer> inFlightPositions = new TreeMap<>();

  /** Accumulating documents an earlier bulk still carries (held back). */
  private int heldBack;

  private final List<PendingDocument> unassigned = new ArrayList<>();
  private long estimatedBytes;
  private long oldestRecordAtMillis = NONE;
  private long highestPosition = NONE;
  private long firstPosition = NONE;
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

  /**
   * Told what happens to each pending document: a record's fields merged in, written (durable), or
   * given up (dead-lettered). The exporter's {@code visible} stage follows sampled documents with
   * it. Called on the batch's thread; must be cheap (every merge calls it).
   */
  public interface Watcher {

    /** Follows nothing. */
    Watcher NONE = new Watcher() {};

    /** One record's {@code fields} were merged into {@code document}. */
    default void merged(PendingDocument document, Map<String, ?> fields) {}

    /** A document that was in flight is durable, as it was when taken. */
    default void written(PendingDocument document) {}

    /** A document that was in flight was rejected for good: it will never be written. */
    default void notWritten(PendingDocument document) {}
  }

  private final NewDocuments newDocuments;
  private final WrittenDocuments written;
  private final Watcher watcher;

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
    this(newDocuments, written, Watcher.NONE);
  }

  /**
   * @param watcher told of every merge and of every document written or given up
   */
  public Batch(NewDocuments newDocuments, WrittenDocuments written, Watcher watcher) {
    this.newDocuments = newDocuments;
    this.written = newDocuments == NewDocuments.WHOLE ? written : null;
    this.watcher = watcher;
  }

  /**
   * Merges fields into the pending document for the key, creating it if needed: whole, from the
   * document as last written (or as the bulk in flight writes it), if that is known; else as a
   * partial update.
   */
  public void merge(DocumentKey key, Map<String, ?> fields) {
    var document = documents.get(key);
    if (document == null) {
      document = continued(key); // may add the previous fields' bytes
      added(document);
    }
    estimatedBytes += document.merge(fields);
    watcher.merged(document, fields);
  }

  private void added(PendingDocument document) {
    documents.put(document.key(), document);
    if (inFlight.containsKey(document.key())) {
      heldBack++;
    }
  }

  private PendingDocument continued(DocumentKey key) {
    var previous = written == null ? Optional.<Map<String, Object>>empty() : written.get(key);
    var document = previous.isEmpty() ? new PendingDocument(key) : new PendingDocument(key, true);
    unassigned.add(document);
    previous.ifPresent(fields -> estimatedBytes += document.merge(fields));
    return document;
  }

  /**
   * The fields of the record that creates the entity (an element's ELEMENT_ACTIVATING, a job's
   * CREATED, …): nothing of the document can exist before it, so unless this batch already holds
   * changes of the key, the document is written whole. Later records of the same batch merge in as
   * usual.
   */
  public void create(DocumentKey key, Map<String, ?> fields) {
    var document = documents.get(key);
    if (document == null) {
      document = new PendingDocument(key, newDocuments == NewDocuments.WHOLE);
      unassigned.add(document);
      added(document);
    }
    estimatedBytes += document.merge(fields);
    watcher.merged(document, fields);
  }

  /** {@link #create} for the record that creates the entity, {@link #merge} for any other. */
  public void write(DocumentKey key, Map<String, ?> fields, boolean creates) {
    if (creates) {
      create(key, fields);
    } else {
      merge(key, fields);
    }
  }

  /**
   * The fields the exporter will have written for a key once everything pending is durable — the
   * document in flight with the accumulating changes merged in — if any (to read an entity not yet
   * written).
   */
  public Optional<Map<String, Object>> pending(DocumentKey key) {
    var accumulating = documents.get(key);
    var carried = inFlight.get(key);
    if (carried == null) {
      return Optional.ofNullable(accumulating).map(PendingDocument::fields);
    }
    if (accumulating == null) {
      return Optional.of(carried.fields());
    }
    var merged = new LinkedHashMap<String, Object>(carried.fields());
    merged.putAll(accumulating.fields());
    return Optional.of(merged);
  }

  /** Counts a record the batch now covers; {@code nowMillis} is when the exporter accepted it. */
  public void recordAccepted(long position, long nowMillis) {
    if (oldestRecordAtMillis == NONE) {
      oldestRecordAtMillis = nowMillis;
    }
    for (var document : unassigned) {
      document.firstRecord(position);
      if (inFlight.get(document.key()) == document) {
        countInFlight(document, 1); // taken before its record was accepted
      }
    }
    unassigned.clear();
    seen(position);
    recordCount++;
  }

  /** Moves the acknowledgement point past a record that needed no document. */
  public void recordSkipped(long position) {
    seen(position);
  }

  private void seen(long position) {
    if (firstPosition == NONE) {
      firstPosition = position;
    }
    highestPosition = Math.max(highestPosition, position);
  }

  /**
   * The highest position whose records' changes are all durable — below the lowest pending one,
   * never beyond the highest seen — or -1 if no record this batch saw is durable yet.
   */
  public long durablePosition() {
    var lowest = lowestPendingPosition();
    var position = lowest < 0 ? highestPosition : Math.min(highestPosition, lowest - 1);
    return position < firstPosition ? NONE : position;
  }

  /** No accumulating document. */
  public boolean isEmpty() {
    return documents.isEmpty();
  }

  /** Accumulating documents. */
  public int documentCount() {
    return documents.size();
  }

  /**
   * Records accepted since the last {@link #take} that took a document: the records the next bulk
   * covers (a document held back goes later, its record counts with this one).
   */
  public int recordCount() {
    return recordCount;
  }

  public long estimatedBytes() {
    return estimatedBytes;
  }

  /** When the oldest accumulating record was accepted, or empty if none is accumulating. */
  public Optional<Long> oldestRecordAtMillis() {
    return oldestRecordAtMillis == NONE ? Optional.empty() : Optional.of(oldestRecordAtMillis);
  }

  /** The highest position seen (accepted or skipped); -1 if none. */
  public long highestPosition() {
    return highestPosition;
  }

  /**
   * The lowest position whose changes are not durable yet (accumulating, or in flight), or -1 if
   * every change is durable: everything below it may be acknowledged.
   */
  public long lowestPendingPosition() {
    var lowest = inFlightPositions.isEmpty() ? Long.MAX_VALUE : inFlightPositions.firstKey();
    if (!documents.isEmpty()) {
      // Insertion order is the order of first records: the first document holds the lowest.
      lowest = Math.min(lowest, documents.values().iterator().next().lowestPosition());
    }
    return lowest == Long.MAX_VALUE ? NONE : lowest;
  }

  private void countInFlight(PendingDocument document, int delta) {
    var position = document.lowestPosition();
    if (position != Long.MAX_VALUE) {
      inFlightPositions.merge(
          position, delta, (count, change) -> count + change == 0 ? null : count + change);
    }
  }

  /** A snapshot of the accumulating documents in first-touched order. */
  public List<PendingDocument> documents() {
    return new ArrayList<>(documents.values());
  }

  /** Documents carried by bulks not yet durable. */
  public int inFlightCount() {
    return inFlight.size();
  }

  /** Whether some accumulating document is not held back by a bulk in flight. */
  public boolean hasDocumentToTake() {
    return documents.size() > heldBack;
  }

  /**
   * Cuts the next bulk: takes accumulating documents in order, each turned into what the bulk sends
   * ({@code serialize}, once), until {@code maxDocuments} or {@code maxBytes} of serialized bytes
   * (at least one document); a document an earlier bulk still carries stays behind. What is taken
   * is in flight until {@link #written} or {@link #notWritten}. A whole document is remembered as
   * written from now on ({@link WrittenDocuments}), so its later changes continue from it.
   */
  public <T> List<T> take(
      int maxDocuments,
      long maxBytes,
      Function<PendingDocument, T> serialize,
      ToLongFunction<T> bytes) {
    var taken = new ArrayList<T>();
    long takenBytes = 0;
    var iterator = documents.values().iterator();
    while (iterator.hasNext() && taken.size() < maxDocuments) {
      var document = iterator.next();
      if (inFlight.containsKey(document.key())) {
        continue; // held back: an earlier bulk carries it
      }
      var item = serialize.apply(document);
      var size = bytes.applyAsLong(item);
      if (!taken.isEmpty() && takenBytes + size > maxBytes) {
        break;
      }
      taken.add(item);
      takenBytes += size;
      iterator.remove();
      estimatedBytes -= document.estimatedBytes();
      inFlight.put(document.key(), document);
      countInFlight(document, 1);
      if (written != null) {
        if (document.whole()) {
          written.written(document);
        } else {
          written.forget(document.key());
        }
      }
    }
    if (!taken.isEmpty()) {
      recordCount = 0;
    }
    if (documents.isEmpty()) {
      estimatedBytes = 0;
      oldestRecordAtMillis = NONE;
    }
    return taken;
  }

  /** A document in flight is durable. */
  public void written(PendingDocument document) {
    landed(document);
    watcher.written(document);
  }

  /**
   * A document in flight was rejected for good (the dead-letter index got it instead): what
   * Elasticsearch holds is no longer known here.
   */
  public void notWritten(PendingDocument document) {
    landed(document);
    if (written != null) {
      written.forget(document.key());
    }
    watcher.notWritten(document);
  }

  /** A document leaves the flight: its position no longer holds back, its successor may go. */
  private void landed(PendingDocument document) {
    if (inFlight.remove(document.key(), document)) {
      countInFlight(document, -1);
      if (documents.containsKey(document.key())) {
        heldBack--;
      }
    }
  }

  /**
   * Takes every document as if one bulk carried it and marks it written (durable): for benchmarks
   * and tests that stand in for the store.
   */
  public void markAllWritten() {
    take(Integer.MAX_VALUE, Long.MAX_VALUE, document -> document, document -> 0)
        .forEach(this::written);
  }
}
