package dev.sightline.exporter.visibility;

import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentPosition;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The followed records not seen yet, at most {@code maxPending}: first with the pending document
 * that carries them (until its bulk is durable), then by document key, about oldest first (the
 * order searches take them in, and expiry follows), until a search returns the document at their
 * position or later. A record is followed when it sets the {@code position} of a sampled document
 * ({@link DocumentSampling}); a record that changes a document without moving its position (an
 * incident's flag on its process instance) has that document's own records to show when it is
 * visible, and is not followed there.
 *
 * <p>Not thread-safe: the exporter's thread.
 */
final class SampledRecords {

  /** A sampled document whose {@code position} the record being handled set. */
  private record Merge(PendingDocument document, long position) {}

  private final DocumentSampling sampling;
  private final int maxPending;
  private final List<Merge> merges = new ArrayList<>();
  private final IdentityHashMap<PendingDocument, RecordSamples> unwritten = new IdentityHashMap<>();
  private final LinkedHashMap<DocumentKey, RecordSamples> awaiting = new LinkedHashMap<>();
  private int count;

  SampledRecords(DocumentSampling sampling, int maxPending) {
    this.sampling = sampling;
    this.maxPending = maxPending;
  }

  /** Notes a merge that sets a sampled document's position: the record is told next. */
  void merged(PendingDocument document, Map<String, ?> fields) {
    if (fields.get(ReadModelSchema.POSITION) instanceof Number position
        && sampling.follows(document.key())) {
      merges.add(new Merge(document, position.longValue()));
    }
  }

  /**
   * Follows the record in the documents whose position it set; returns how many samples were
   * dropped because {@code maxPending} records are followed already. Merges of a record that was
   * not accepted (a handler threw halfway) carry another position and are forgotten.
   */
  int recordAccepted(Record<?> record) {
    if (merges.isEmpty()) {
      return 0;
    }
    var dropped = 0;
    for (var merge : merges) {
      if (merge.position() != record.getPosition()) {
        continue;
      }
      if (count >= maxPending) {
        dropped++;
        continue;
      }
      unwritten
          .computeIfAbsent(merge.document(), document -> new RecordSamples())
          .add(record.getPosition(), record.getTimestamp(), record.getValueType().ordinal());
      count++;
    }
    merges.clear();
    return dropped;
  }

  /**
   * The document is durable: its records wait for a search from now on. False if it carries no
   * followed record (the clock is read only when it does).
   */
  boolean written(PendingDocument document, LongSupplier nowMillis) {
    // The hash first (the id's is cached by now): most documents are not sampled, and asking the
    // identity map would make the JVM give each an identity hash.
    if (unwritten.isEmpty() || !sampling.follows(document.key())) {
      return false;
    }
    var samples = unwritten.remove(document);
    if (samples == null) {
      return false;
    }
    samples.durable(nowMillis.getAsLong());
    var earlier = awaiting.get(document.key());
    if (earlier == null) {
      awaiting.put(document.key(), samples);
    } else {
      earlier.addAll(samples); // an earlier write not seen yet: its records come first
    }
    return true;
  }

  /** The document will never be written: returns how many of its records are given up. */
  int notWritten(PendingDocument document) {
    if (unwritten.isEmpty() || !sampling.follows(document.key())) {
      return 0;
    }
    var samples = unwritten.remove(document);
    if (samples == null) {
      return 0;
    }
    count -= samples.size();
    return samples.size();
  }

  /** Whether some record waits for a search. */
  boolean hasAwaiting() {
    return !awaiting.isEmpty();
  }

  /**
   * Up to {@code maxIds} documents to search for, by index: the ones waiting longest. When more
   * wait, those taken go to the back, so the next search asks for the others and a document never
   * found cannot keep the rest from being asked for.
   */
  Map<String, List<String>> nextToSearch(int maxIds) {
    var ids = new LinkedHashMap<String, List<String>>();
    var taken = new ArrayList<DocumentKey>(Math.min(maxIds, awaiting.size()));
    for (var key : awaiting.keySet()) {
      if (taken.size() == maxIds) {
        break;
      }
      ids.computeIfAbsent(key.index(), index -> new ArrayList<>()).add(key.id());
      taken.add(key);
    }
    if (awaiting.size() > maxIds) {
      for (var key : taken) {
        awaiting.put(key, awaiting.remove(key));
      }
    }
    return ids;
  }

  /**
   * A search returned the document at {@code found.position()}: every record at or below it is
   * visible, each handed to {@code seen}; returns how many.
   */
  int seen(DocumentPosition found, RecordSamples.Seen seen) {
    var key = new DocumentKey(found.index(), found.id());
    var samples = awaiting.get(key);
    if (samples == null) {
      return 0;
    }
    var removed = samples.removeUpTo(found.position(), seen);
    if (removed > 0) {
      count -= removed;
      awaiting.remove(key);
      if (!samples.isEmpty()) {
        awaiting.put(key, samples); // a later write still to see: behind the older ones
      }
    }
    return removed;
  }

  /** Gives up the records durable before {@code cutoffMillis} and still not seen; how many. */
  int expire(long cutoffMillis) {
    var expired = 0;
    while (!awaiting.isEmpty()) {
      var oldest = awaiting.entrySet().iterator().next();
      var samples = oldest.getValue();
      if (samples.oldestDurableAtMillis() >= cutoffMillis) {
        break;
      }
      expired += samples.removeDurableBefore(cutoffMillis);
      awaiting.remove(oldest.getKey());
      if (!samples.isEmpty()) {
        awaiting.put(oldest.getKey(), samples);
      }
    }
    count -= expired;
    return expired;
  }

  /** Records followed: not durable yet, or waiting for a search. */
  int size() {
    return count;
  }

  /** Documents whose records wait for a search. */
  int awaitingDocuments() {
    return awaiting.size();
  }

  /** Forgets everything (closing). */
  void clear() {
    merges.clear();
    unwritten.clear();
    awaiting.clear();
    count = 0;
  }
}
