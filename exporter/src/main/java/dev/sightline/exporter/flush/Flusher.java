package dev.sightline.exporter.flush;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.batch.FlushPolicy;
import dev.sightline.exporter.latency.LatencyTracker;
import dev.sightline.exporter.store.BulkItem;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.BulkLines;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import dev.sightline.exporter.store.SchemaCheck;
import dev.sightline.exporter.store.StoreException;
import io.camunda.zeebe.exporter.api.context.Controller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Writes the batch in pipelined, asynchronous bulks and acknowledges what they made durable, in
 * order (docs/architecture.md, "The write path").
 *
 * <ul>
 *   <li><b>Group commit</b>: while fewer than {@code maxInFlight} bulks are in flight, accumulating
 *       documents are cut into a bulk at once (after {@code bulk.linger}, none by default); while
 *       every slot is taken they accumulate and go with the next bulk a free slot takes. {@code
 *       bulk.size} and {@code bulk.memoryLimit} bound a bulk; {@code bulk.delay} bounds the wait
 *       under a linger.
 *   <li><b>One document, one bulk</b>: a document an earlier bulk carries is held back ({@link
 *       Batch#take}), so bulks in flight never race on a document.
 *   <li><b>Answers</b> arrive on the client's I/O threads, which only enqueue them; they are taken
 *       up on the exporter thread, at every {@link #drive} (from {@code export} and from the
 *       scheduled task). Every outcome is data: nothing thrown from a bulk reaches the broker's
 *       thread.
 *   <li><b>Acknowledgement</b>: the highest position below the lowest record whose changes are not
 *       durable yet (accumulating or in flight), never beyond the highest seen; strictly
 *       increasing.
 *   <li><b>Failures</b>: written items are durable; items refused for good go to the dead-letter
 *       index (under that policy); every other item stays in its bulk, which waits out the backoff
 *       and is sent again, with the same bytes, before any new bulk, failed bulks in order.
 * </ul>
 *
 * <p>{@code deadLetters} is null under the block policy; {@code refresh} null under the engine
 * refresh policy. Not thread-safe (exporter thread), except that answers may arrive on any thread.
 */
public final class Flusher {

  /** How often the scheduled task looks for answers while bulks are in flight. */
  public static final Duration ANSWER_POLL = Duration.ofMillis(5);

  private static final int CLOSE_ROUNDS = 3;

  private final Batch batch;
  private final DocumentStore store;
  private final SchemaCheck schema;
  private final Backoff backoff;
  private final Acknowledger acknowledger;
  private final FlushMetrics metrics;
  private final LongSupplier nowMillis;
  private final DeadLetters deadLetters;
  private final LatencyTracker latency;
  private final FlushPolicy policy;
  private final int maxInFlight;
  private final long lingerMillis;
  private final RefreshSchedule refresh;
  private final long maxRefreshLagMillis;
  private long newestRecordMillis = Long.MIN_VALUE;
  private final AnswerWait answerWait;
  private final Duration answerTimeout;
  private final Logger log;

  private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
  private final TreeMap<Long, Bulk> bulks = new TreeMap<>();
  private long nextBulkId;
  private long acknowledged = -1;
  private StoreException lastFailure;

  /** What a flusher writes with and how. */
  public record Settings(
      FlushPolicy policy,
      int maxInFlight,
      Duration linger,
      Duration minRefreshInterval,
      Duration maxRefreshLag,
      Duration answerTimeout,
      AnswerWait answerWait) {}

  public Flusher(
      Batch batch,
      DocumentStore store,
      SchemaCheck schema,
      Backoff backoff,
      Acknowledger acknowledger,
      FlushMetrics metrics,
      LongSupplier nowMillis,
      DeadLetters deadLetters,
      LatencyTracker latency,
      Settings settings,
      Logger log) {
    this.latency = latency;
    this.batch = batch;
    this.store = store;
    this.schema = schema;
    this.backoff = backoff;
    this.acknowledger = acknowledger;
    this.metrics = metrics;
    this.nowMillis = nowMillis;
    this.deadLetters = deadLetters;
    this.policy = settings.policy();
    this.maxInFlight = settings.maxInFlight();
    this.lingerMillis = settings.linger().toMillis();
    this.refresh =
        settings.minRefreshInterval() == null
            ? null
            : new RefreshSchedule(settings.minRefreshInterval());
    this.maxRefreshLagMillis =
        settings.maxRefreshLag() == null ? Long.MAX_VALUE : settings.maxRefreshLag().toMillis();
    this.answerWait = settings.answerWait();
    this.answerTimeout = settings.answerTimeout();
    this.log = log;
  }

  /** A record was handled: its timestamp tells how far behind the log the partition is. */
  public void recordSeen(long timestampMillis) {
    newestRecordMillis = Math.max(newestRecordMillis, timestampMillis);
  }

  /** Whether a failed attempt's backoff is still running. */
  public boolean isBackingOff() {
    return backoff.isWaiting(nowMillis.getAsLong());
  }

  public Backoff backoff() {
    return backoff;
  }

  /** Bulks cut and not yet durable (in flight, or failed and waiting). */
  public int bulksInFlight() {
    return bulks.size();
  }

  /**
   * Takes up the answers that came, sends failed bulks again once the backoff is over, cuts new
   * bulks as group commit says, asks for an owed refresh, and acknowledges what is durable. Never
   * throws for a bulk's failure.
   */
  public void drive() {
    drive(false);
  }

  private void drive(boolean force) {
    drive(force, force);
  }

  /**
   * @param force cut a bulk even if the batch is not due
   * @param resendAtOnce send failed bulks again without waiting out their backoff
   */
  private void drive(boolean force, boolean resendAtOnce) {
    do {
      takeUpAnswers();
      var now = nowMillis.getAsLong();
      if (resendAtOnce || !backoff.isWaiting(now)) {
        resendWaiting(now);
      }
      cut(now, force);
    } while (!answers.isEmpty()); // a store that answers at once (a double) answered already
    refreshIfOwed(nowMillis.getAsLong());
    acknowledgeDurable();
  }

  /**
   * Waits, on the exporter thread, for the next answer of a bulk in flight and takes it up: the
   * backpressure of a full batch. False if no bulk is in flight or none answered in time.
   */
  public boolean awaitAnswer() {
    if (bulks.values().stream().noneMatch(bulk -> bulk.sent)) {
      return false;
    }
    var answer = await(answerTimeout);
    if (answer == null) {
      return false;
    }
    takeUp(answer);
    drive();
    return true;
  }

  /**
   * Writes everything pending now and waits until it is durable: for writers that go batch by batch
   * (the two-hop importer) and the gate that opens. Throws {@link StoreException} when
   * Elasticsearch fails; what failed stays pending for the next attempt.
   */
  public void flush() {
    flush(true);
  }

  /**
   * {@link #flush}, except that a bulk that failed is sent again only once its backoff is over: for
   * the exporter thread, where a document refused for good under {@code errors.onRejected=block}
   * would otherwise be resent at once, forever. A bulk waiting for its backoff ends the flush with
   * its failure; the scheduled task retries it.
   */
  public void flushRespectingBackoff() {
    flush(false);
  }

  private void flush(boolean resendAtOnce) {
    while (true) {
      drive(true, resendAtOnce);
      if (bulks.isEmpty()) {
        return;
      }
      if (bulks.values().stream().noneMatch(bulk -> bulk.sent)) {
        throw lastFailure != null ? lastFailure : new StoreException("bulk failed", null);
      }
      var answer = await(answerTimeout);
      if (answer == null) {
        throw new StoreException(
            "no answer of Elasticsearch to a bulk within " + answerTimeout.toMillis() + " ms",
            null);
      }
      takeUp(answer);
    }
  }

  /**
   * On close: one last bulk of what accumulated, then up to {@code bound} for the bulks in flight;
   * acknowledges what became durable, nothing else (the rest is exported again after a restart).
   *
   * @return the records whose acknowledgement is left to the next run
   */
  public int close(Duration bound) {
    var deadline = System.nanoTime() + bound.toNanos();
    // Rounds: what accumulated, then what earlier bulks held back; a failed bulk is sent again
    // once per round, without waiting out its backoff.
    for (var round = 0; round < CLOSE_ROUNDS; round++) {
      drive(true);
      if (bulks.isEmpty()) {
        break;
      }
      var answered = false;
      while (bulks.values().stream().anyMatch(bulk -> bulk.sent)) {
        var remaining = Duration.ofNanos(deadline - System.nanoTime());
        if (remaining.isNegative() || remaining.isZero()) {
          break;
        }
        var answer = await(remaining);
        if (answer == null) {
          break;
        }
        takeUp(answer);
        answered = true;
      }
      if (!answered || System.nanoTime() >= deadline) {
        break;
      }
    }
    takeUpAnswers();
    acknowledgeDurable();
    var left = bulks.values().stream().mapToInt(bulk -> bulk.records).sum() + batch.recordCount();
    bulks.keySet().forEach(latency::bulkAbandoned);
    return left;
  }

  /**
   * When the scheduled task should look again: soon while bulks are in flight; when a backoff ends,
   * the batch becomes due, or an owed refresh may be sent.
   */
  public Duration nextCheckIn() {
    var now = nowMillis.getAsLong();
    var next = policy.untilDue(batch, now);
    if (bulks.size() < maxInFlight && !batch.isEmpty() && lingerSends(now)) {
      var oldest = batch.oldestRecordAtMillis().orElse(now);
      next = min(next, Duration.ofMillis(Math.max(0, oldest + lingerMillis - now)));
    }
    if (bulks.values().stream().anyMatch(bulk -> bulk.sent)) {
      next = min(next, ANSWER_POLL);
    }
    if (bulks.values().stream().anyMatch(bulk -> bulk.waiting)) {
      next = min(next, backoff.remaining(now));
    }
    if (refresh != null) {
      var untilRefresh = refresh.untilDue(now);
      if (untilRefresh != null) {
        next = min(next, untilRefresh);
      }
    }
    return next.toMillis() < 1 ? Duration.ofMillis(1) : next;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Creates the schema unless it exists; a failure leaves it to the next flush (Elasticsearch may
   * start late).
   */
  public void ensureSchema() {
    schema.ensure();
  }

  /**
   * Acknowledges the highest position all of whose records' changes are durable, if it advanced.
   */
  public void acknowledgeDurable() {
    var position = batch.durablePosition();
    if (position > acknowledged) {
      acknowledged = position;
      acknowledger.acknowledge(position);
    }
  }

  private void cut(long now, boolean force) {
    while (bulks.size() < maxInFlight
        && bulks.values().stream().noneMatch(bulk -> bulk.waiting)
        && (force || !backoff.isWaiting(now))
        && (force || shouldSend(now))
        && batch.hasDocumentToTake()) {
      var records = batch.recordCount();
      var catchingUp = catchingUp(now);
      var items =
          batch.take(policy.size(), policy.memoryLimitBytes(), BulkLines::of, BulkItem::bytes);
      if (items.isEmpty()) {
        return;
      }
      var bulk = new Bulk(nextBulkId++, items, records);
      bulk.catchingUp = catchingUp;
      bulks.put(bulk.id, bulk);
      latency.bulkStarted(bulk.id);
      try {
        schema.ensure();
      } catch (StoreException e) {
        failed(bulk, e, now);
        return;
      }
      send(bulk, now);
    }
  }

  /**
   * Group commit, with a slot free: once the batch lingered ({@code bulk.linger}, none by default),
   * or is full or due. A slot is never kept for a fuller bulk while the partition keeps up: at low
   * load that would only add latency. While it catches up, though, a bulk already in flight means
   * the next one waits to be full (or due): a document that many records change is then written
   * once per large bulk instead of once per small one, which is what the node's throughput is spent
   * on under backlog.
   */
  private boolean shouldSend(long now) {
    if (policy.isFull(batch) || policy.isDue(batch, now)) {
      return true;
    }
    return lingerSends(now) && lingered(now);
  }

  /** Whether a lingered batch may take a free slot: not while catching up with a bulk in flight. */
  private boolean lingerSends(long now) {
    return bulks.isEmpty() || !catchingUp(now);
  }

  /** Whether the newest record handled is older than {@code visibility.maxRefreshLag}. */
  private boolean catchingUp(long now) {
    return newestRecordMillis != Long.MIN_VALUE && now - newestRecordMillis > maxRefreshLagMillis;
  }

  private boolean lingered(long now) {
    return lingerMillis == 0
        || batch.oldestRecordAtMillis().map(oldest -> now - oldest >= lingerMillis).orElse(true);
  }

  private void resendWaiting(long now) {
    for (var bulk : bulks.values()) {
      if (!bulk.waiting) {
        continue;
      }
      try {
        schema.ensure();
      } catch (StoreException e) {
        lastFailure = e;
        backoff.onFailure(now);
        metrics.flushFailed(e);
        return;
      }
      bulk.waiting = false;
      latency.bulkResent(bulk.id);
      send(bulk, now);
    }
  }

  private void send(Bulk bulk, long now) {
    bulk.refresh = refresh != null && !bulk.catchingUp && refresh.refreshOnSend(bulk, now);
    if (bulk.refresh) {
      metrics.refreshed(FlushMetrics.RefreshKind.BULK);
    }
    bulk.sent = true;
    bulk.startNanos = System.nanoTime();
    CompletableFuture<BulkItemFailures> answer;
    try {
      answer = store.bulk(List.copyOf(bulk.items), bulk.refresh);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    var id = bulk.id;
    // On the client's I/O thread: only hand the answer over.
    answer.whenComplete((failures, error) -> answers.add(new Answer(id, failures, error)));
  }

  private Answer await(Duration bound) {
    try {
      return answerWait.await(answers, bound);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void takeUpAnswers() {
    Answer answer;
    while ((answer = answers.poll()) != null) {
      takeUp(answer);
    }
  }

  private void takeUp(Answer answer) {
    var bulk = bulks.get(answer.bulkId());
    if (bulk == null || !bulk.sent) {
      return;
    }
    bulk.sent = false;
    var now = nowMillis.getAsLong();
    if (answer.error() != null) {
      failed(bulk, failure(answer.error()), now);
      return;
    }
    var rejected = new HashMap<DocumentKey, BulkItemFailures.Item>();
    answer
        .failures()
        .items()
        .forEach(item -> rejected.put(new DocumentKey(item.index(), item.id()), item));
    var outstanding = new ArrayList<BulkItem>();
    var refused = new BulkItemFailures.Collector();
    var refusedItems = new ArrayList<BulkItem>();
    var retried = new BulkItemFailures.Collector();
    // Dead letters only when every rejection is one no retry can change (docs/operations.md): a
    // refusal that may pass (a block, privileges) is waited out first.
    var deadLettering = deadLetters != null && answer.failures().allPermanent();
    for (var item : bulk.items) {
      var rejection = rejected.get(item.key());
      if (rejection == null) {
        batch.written(item.document());
      } else if (deadLettering && rejection.handling() == Handling.DEAD_LETTER) {
        add(refused, rejection);
        refusedItems.add(item);
      } else {
        add(retried, rejection);
        outstanding.add(item);
      }
    }
    if (!refusedItems.isEmpty()) {
      try {
        deadLetters.write(
            store, refused.build(), refusedItems.stream().map(BulkItem::document).toList(), now);
        refusedItems.forEach(item -> batch.notWritten(item.document()));
      } catch (StoreException e) {
        // Kept: sent again after the backoff, refused again, dead-lettered again.
        outstanding.addAll(refusedItems);
        refusedItems.forEach(item -> add(retried, rejected.get(item.key())));
      }
    }
    if (answer.failures().anyMissingIndex()) {
      schema.lost();
    }
    if (outstanding.isEmpty()) {
      durable(bulk);
      return;
    }
    bulk.items = outstanding;
    failed(bulk, new StoreException(retried.build()), now);
  }

  private static void add(BulkItemFailures.Collector collector, BulkItemFailures.Item item) {
    collector.add(item.type(), item.index(), item.id(), item.status(), item.reason());
  }

  private void durable(Bulk bulk) {
    bulks.remove(bulk.id);
    if (refresh != null && !bulk.catchingUp) {
      refresh.durable(bulk, bulk.indices());
    }
    metrics.flushed(bulk.documents, bulk.records, System.nanoTime() - bulk.startNanos);
    latency.bulkDurable(bulk.id);
    if (bulks.values().stream().noneMatch(other -> other.waiting)) {
      backoff.onSuccess();
      lastFailure = null;
    }
  }

  private void failed(Bulk bulk, StoreException failure, long now) {
    bulk.sent = false;
    bulk.waiting = true;
    lastFailure = failure;
    if (failure.itemFailures().filter(BulkItemFailures::anyMissingIndex).isPresent()) {
      schema.lost();
    }
    backoff.onFailure(now);
    metrics.flushFailed(failure);
    log.warn(
        "Bulk of {} documents failed (attempt {}), kept for a retry in {} ms: {}",
        bulk.items.size(),
        backoff.failures(),
        backoff.remaining(now).toMillis(),
        failure.getMessage());
  }

  private void refreshIfOwed(long now) {
    if (refresh == null) {
      return;
    }
    var indices = refresh.due(now);
    if (indices.isEmpty()) {
      return;
    }
    metrics.refreshed(FlushMetrics.RefreshKind.REQUEST);
    try {
      store
          .refresh(indices)
          .whenComplete(
              (done, error) -> {
                if (error != null) {
                  metrics.refreshFailed(); // the index's own refresh interval still applies
                }
              });
    } catch (RuntimeException e) {
      metrics.refreshFailed();
    }
  }

  private static StoreException failure(Throwable error) {
    var cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof StoreException store
        ? store
        : new StoreException("bulk failed: Elasticsearch unreachable (" + cause + ")", cause);
  }

  /** Sends acknowledgements with the exporter's metadata. */
  public interface Acknowledger {
    void acknowledge(long position);

    /** Acknowledges with the metadata current at that moment. */
    static Acknowledger of(Controller controller, java.util.function.Supplier<byte[]> metadata) {
      return position -> controller.updateLastExportedRecordPosition(position, metadata.get());
    }
  }
}
