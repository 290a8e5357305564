package dev.sightline.exporter.testing;

import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.flush.AnswerWait;
import dev.sightline.exporter.store.BulkItem;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.StoreException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A store double whose bulks stay in flight until the test answers them, one by one, in any order,
 * on the test thread: {@link #release} writes a bulk into the {@link InMemoryStore} behind it (with
 * its rejections) and answers; {@link #fail} answers with a request failure. Everything else
 * (schema, reads, dead letters' synchronous writes) goes straight to the in-memory store. When the
 * exporter thread must wait for an answer ({@link #answerWait}), the oldest bulk is answered if the
 * test allowed it ({@link #answerWhenWaitedFor}), else nothing comes. Bulks and refresh requests
 * are recorded with the (virtual) time they were sent.
 */
public final class HeldStore implements DocumentStore {

  /** One bulk as the exporter sent it. */
  public static final class Held {
    public final List<BulkItem> items;
    public final boolean refresh;
    public final long sentAtMillis;
    private final CompletableFuture<BulkItemFailures> answer;

    Held(List<BulkItem> items, boolean refresh, long sentAtMillis) {
      this.items = items;
      this.refresh = refresh;
      this.sentAtMillis = sentAtMillis;
      this.answer = new CompletableFuture<>();
    }

    public boolean answered() {
      return answer.isDone();
    }

    /** The lowest position of a record whose changes this bulk carries. */
    public long lowestPosition() {
      return items.stream()
          .mapToLong(item -> item.document().lowestPosition())
          .min()
          .orElse(Long.MAX_VALUE);
    }

    /** Its documents as {@code index/id}. */
    public Set<String> keys() {
      var keys = new TreeSet<String>();
      items.forEach(item -> keys.add(item.key().index() + "/" + item.key().id()));
      return keys;
    }

    public Set<String> indices() {
      var indices = new TreeSet<String>();
      items.forEach(item -> indices.add(item.key().index()));
      return indices;
    }
  }

  /** One {@code _refresh} the exporter asked for. */
  public record Refresh(Collection<String> indices, long sentAtMillis) {}

  private final InMemoryStore store;
  private final InstantSource clock;
  private final List<Held> bulks = new ArrayList<>();
  private final List<Refresh> refreshes = new ArrayList<>();
  private int answersWhenWaitedFor;
  private boolean answerAtOnce;

  /** In front of {@code store}; {@code clock} is the exporter's. */
  public HeldStore(InMemoryStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  public InMemoryStore inner() {
    return store;
  }

  /** Every bulk from now on is answered as it is sent, as a synchronous store would. */
  public void answerAtOnce(boolean atOnce) {
    this.answerAtOnce = atOnce;
  }

  /** The next {@code count} waits of the exporter thread get the oldest bulk's answer. */
  public void answerWhenWaitedFor(int count) {
    this.answersWhenWaitedFor = count;
  }

  /** Every bulk sent so far, in order. */
  public List<Held> bulks() {
    return List.copyOf(bulks);
  }

  /** Bulks not answered yet, in order. */
  public List<Held> inFlight() {
    return bulks.stream().filter(bulk -> !bulk.answered()).toList();
  }

  /** Writes a bulk (rejections as the in-memory store has them) and answers it. */
  public void release(Held bulk) {
    var documents = bulk.items.stream().map(BulkItem::document).toList();
    try {
      store.write(documents);
      bulk.answer.complete(BulkItemFailures.NONE);
    } catch (StoreException e) {
      if (e.itemFailures().isPresent()) {
        bulk.answer.complete(e.itemFailures().get());
      } else {
        bulk.answer.completeExceptionally(e);
      }
    }
  }

  /** Answers a bulk with a request failure: nothing of it was written. */
  public void fail(Held bulk) {
    bulk.answer.completeExceptionally(
        new StoreException("bulk failed: Elasticsearch unreachable (test)", null));
  }

  /** Every {@code _refresh} the exporter asked for, in order. */
  public List<Refresh> refreshes() {
    return List.copyOf(refreshes);
  }

  /** For the exporter: a wait that answers the oldest bulk in flight, if the test allowed it. */
  public AnswerWait answerWait() {
    return (answers, bound) -> {
      if (answersWhenWaitedFor > 0 && !inFlight().isEmpty()) {
        answersWhenWaitedFor--;
        release(inFlight().getFirst());
      }
      return answers.poll();
    };
  }

  @Override
  public CompletableFuture<BulkItemFailures> bulk(List<BulkItem> items, boolean refresh) {
    var held = new Held(List.copyOf(items), refresh, clock.millis());
    bulks.add(held);
    if (answerAtOnce) {
      release(held);
    }
    return held.answer;
  }

  @Override
  public CompletableFuture<Void> refresh(Collection<String> indices) {
    refreshes.add(new Refresh(List.copyOf(indices), clock.millis()));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void ensureSchema() {
    store.ensureSchema();
  }

  @Override
  public void write(List<PendingDocument> documents) {
    store.write(documents);
  }

  @Override
  public Optional<Map<String, Object>> get(String index, String id) {
    return store.get(index, id);
  }

  @Override
  public void purge() {
    store.purge();
  }

  @Override
  public void close() {
    store.close();
  }
}
