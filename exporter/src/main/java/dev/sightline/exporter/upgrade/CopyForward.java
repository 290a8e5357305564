package dev.sightline.exporter.upgrade;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.flush.Backoff;
import dev.sightline.exporter.flush.DeadLetters;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.BulkItemFailures;
import dev.sightline.exporter.store.DocumentStore;
import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import dev.sightline.exporter.store.SchemaCheck;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.UpgradeStore;
import dev.sightline.exporter.store.UpgradeStore.Source;
import dev.sightline.exporter.upgrade.UpgradePlan.Move;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Moves one partition's documents from the older versions of the read model's indices into the
 * current ones, before the partition writes anything (docs/operations.md, "Upgrading the schema").
 * Per older version that the current one upgrades from, newest first: refresh it, search a page of
 * the partition's documents (its {@code partitionId}, or none: process definitions, which every
 * partition moves), {@code create} them upgraded in the current version (409: a copy is there
 * already, newer or the same, and stays), then — once that is durable — delete them from the older
 * version, and again until a search finds none.
 *
 * <ul>
 *   <li><b>Idempotent</b>: every step may be done twice. A crash between create and delete leaves a
 *       page in both versions; the next open finds it again, its creates answer 409 and its deletes
 *       go through. So the documents a partition wrote in the current version are never overwritten
 *       by an older copy, and a version is emptied newest first for the same reason.
 *   <li><b>Off the exporter thread</b>: requests are asynchronous and one is out at a time; the
 *       exporter thread takes its answer up at the next {@link #drive} (the exporter's scheduled
 *       task, every {@link #ANSWER_POLL} while a request is out) and sends the next.
 *   <li><b>Failures</b>: any failed request is counted and logged (the first of a series), and the
 *       whole move starts over after the exporter's backoff — from the list of versions and the
 *       schema check, so a missing current index is created again. A document the current version
 *       refuses for good goes to the dead-letter index under {@code errors.onRejected=dead-letter}
 *       (and is then deleted from the older version like the rest); under {@code block} it is
 *       retried forever.
 * </ul>
 *
 * <p>The older indices are never deleted: a broker not upgraded yet may still write to them.
 *
 * <p>Not thread-safe: owned by the exporter's thread.
 */
public final class CopyForward {

  /** How often the exporter thread looks for an answer while a request is out. */
  public static final Duration ANSWER_POLL = Duration.ofMillis(5);

  private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

  private final ReadModelSchema schema;
  private final UpgradeStore store;
  private final SchemaCheck schemaCheck;
  private final int partitionId;
  private final int pageSize;
  private final Backoff backoff;
  private final LongSupplier nowMillis;
  private final DocumentStore documents;
  private final DeadLetters deadLetters;
  private final UpgradeMeters meters;
  private final Logger log;

  private final Deque<Move> moves = new ArrayDeque<>();
  private final Set<String> told = new HashSet<>();
  private final Set<String> movedFrom = new HashSet<>();
  private CompletableFuture<?> pending;
  private Consumer<Object> onAnswer;
  private boolean started;
  private boolean done;
  private boolean failing;
  private long moved;
  private long startNanos;
  private long pageStartNanos;

  private CopyForward(
      ReadModelSchema schema,
      UpgradeStore store,
      DocumentStore documents,
      SchemaCheck schemaCheck,
      int partitionId,
      int pageSize,
      Backoff backoff,
      LongSupplier nowMillis,
      DeadLetters deadLetters,
      MeterRegistry registry,
      Logger log) {
    this.schema = schema;
    this.store = store;
    this.documents = documents;
    this.schemaCheck = schemaCheck;
    this.partitionId = partitionId;
    this.pageSize = pageSize;
    this.backoff = backoff;
    this.nowMillis = nowMillis;
    this.deadLetters = deadLetters;
    this.meters = new UpgradeMeters(registry, partitionId);
    this.log = log;
  }

  /**
   * The copy-forward of one partition, or none for a store that cannot search and delete (a double
   * or tool with one version only: nothing to move).
   *
   * @param schemaCheck the writer's: the current versions are created before the first create
   * @param backoff the exporter's, between attempts after a failure
   * @param deadLetters where documents refused for good go; null under {@code
   *     errors.onRejected=block}
   */
  public static Optional<CopyForward> of(
      ExporterConfig config,
      ReadModelSchema schema,
      DocumentStore store,
      SchemaCheck schemaCheck,
      Backoff backoff,
      DeadLetters deadLetters,
      int partitionId,
      LongSupplier nowMillis,
      MeterRegistry registry,
      Logger log) {
    return store
        .upgrade()
        .map(
            upgradeStore ->
                new CopyForward(
                    schema,
                    upgradeStore,
                    store,
                    schemaCheck,
                    partitionId,
                    config.index().upgradePageSize(),
                    backoff,
                    nowMillis,
                    deadLetters,
                    registry,
                    log));
  }

  /**
   * Whether every older version is empty of this partition's documents: the partition may write.
   */
  public boolean isDone() {
    return done;
  }

  /**
   * Takes up the answer that came and sends the next request, as long as answers come at once;
   * after a failure, waits out the backoff, then starts over. Never throws. Returns {@link
   * #isDone()}.
   */
  public boolean drive() {
    while (!done) {
      if (pending != null) {
        if (!pending.isDone()) {
          return false;
        }
        var answer = pending;
        var next = onAnswer;
        pending = null;
        onAnswer = null;
        try {
          next.accept(answer.join());
        } catch (CompletionException e) {
          failed(e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
          failed(e);
        }
        continue;
      }
      if (started && backoff.isWaiting(nowMillis.getAsLong())) {
        return false;
      }
      try {
        start();
      } catch (RuntimeException e) {
        failed(e);
      }
    }
    return true;
  }

  /** When the exporter thread should drive again. */
  public Duration nextCheckIn() {
    if (pending != null) {
      return ANSWER_POLL;
    }
    var wait = backoff.remaining(nowMillis.getAsLong());
    return wait.isZero() ? Duration.ofMillis(1) : wait;
  }

  /** The older versions that exist; every start after a failure begins here. */
  private void start() {
    if (!started) {
      started = true;
      startNanos = System.nanoTime();
    }
    var patterns =
        schema.indices().stream()
            .map(descriptor -> descriptor.versionsPattern(schema.prefix()))
            .toList();
    await(store.indices(patterns), this::plan);
  }

  private void plan(Map<String, Set<String>> existing) {
    var plan = UpgradePlan.of(schema, existing.keySet());
    for (var sentence : plan.withoutPath()) {
      if (told.add(sentence)) {
        log.warn("Partition {}: {}", partitionId, sentence);
      }
    }
    moves.clear();
    moves.addAll(plan.moves());
    if (!moves.isEmpty()) {
      meters.copying(true); // for the refresh and search that tell, at least
      schemaCheck.ensure(); // the current versions' templates, indices and aliases, before creates
    }
    next();
  }

  private void next() {
    if (moves.isEmpty()) {
      finish();
      return;
    }
    refreshThenSearch();
  }

  /** The older version's last deletes made searchable, then its next page. */
  private void refreshThenSearch() {
    var move = moves.getFirst();
    pageStartNanos = System.nanoTime();
    await(
        store.refresh(move.from()),
        refreshed -> await(store.page(move.from(), partitionId, pageSize), this::found));
  }

  private void found(List<Source> page) {
    var move = moves.getFirst();
    if (page.isEmpty()) {
      // Told once per older index this exporter moved documents from; an index found empty at
      // every later open is not worth a line each time.
      if (movedFrom.contains(move.from()) && told.add("empty " + move.from())) {
        log.info(
            "Partition {}: {} holds no more documents of this partition; it is kept for brokers"
                + " not upgraded yet: remove it once none writes it (docs/operations.md,"
                + " \"Upgrading the schema\")",
            partitionId,
            move.from());
      }
      moves.removeFirst();
      next();
      return;
    }
    if (movedFrom.add(move.from())) {
      log.info(
          "Partition {}: schema upgrade: moving this partition's documents from {} into {} before"
              + " writing anything; records are held meanwhile",
          partitionId,
          move.from(),
          move.to());
    }
    var upgraded =
        page.stream().map(s -> new Source(s.id(), move.upgrade().apply(s.fields()))).toList();
    await(store.create(move.to(), upgraded), failures -> created(move, page, upgraded, failures));
  }

  /**
   * The page is in the current version, or refused there: 409 means a copy is there already; a
   * refusal for good is dead-lettered (or, under {@code block}, the move starts over); any other
   * refusal starts the move over. Then the copies that were there already are checked against the
   * older ones, and the page leaves the older version.
   */
  private void created(
      Move move, List<Source> page, List<Source> upgraded, BulkItemFailures failures) {
    var present = new HashSet<String>();
    var permanent = new BulkItemFailures.Collector();
    var retried = new BulkItemFailures.Collector();
    for (var item : failures.items()) {
      if (item.status() == 409 || VERSION_CONFLICT.equals(item.type())) {
        present.add(item.id());
      } else if (item.handling() == Handling.DEAD_LETTER && deadLetters != null) {
        permanent.add(item.type(), item.index(), item.id(), item.status(), item.reason());
      } else {
        if (item.handling() == Handling.RECREATE_SCHEMA) {
          schemaCheck.lost();
        }
        retried.add(item.type(), item.index(), item.id(), item.status(), item.reason());
      }
    }
    if (!retried.isEmpty()) {
      throw new StoreException(retried.build());
    }
    var refused = permanent.build();
    if (refused.total() > 0) {
      deadLetter(move, upgraded, refused);
    }
    var outcome =
        new PageOutcome(
            upgraded.size() - present.size() - refused.total(), present.size(), refused.total());
    var olderPositions = new TreeMap<String, Long>();
    for (var source : page) {
      if (present.contains(source.id())
          && source.fields().get(ReadModelSchema.POSITION) instanceof Number position) {
        olderPositions.put(source.id(), position.longValue());
      }
    }
    if (olderPositions.isEmpty()) {
      delete(move, page, outcome);
      return;
    }
    await(
        store.positions(move.to(), List.copyOf(olderPositions.keySet())),
        current -> {
          compare(move, olderPositions, current);
          delete(move, page, outcome);
        });
  }

  private record PageOutcome(int copied, int present, int deadLettered) {}

  private void deadLetter(Move move, List<Source> upgraded, BulkItemFailures refused) {
    var ids = new HashSet<String>();
    refused.items().forEach(item -> ids.add(item.id()));
    var letters = new Batch();
    for (var source : upgraded) {
      if (ids.contains(source.id())) {
        letters.merge(new DocumentKey(move.to(), source.id()), source.fields());
      }
    }
    deadLetters.write(documents, refused, letters.documents(), nowMillis.getAsLong());
  }

  /**
   * A copy in the current version that is older than the document in the older version: a broker of
   * the older version exported this partition after it had moved forward (docs/operations.md,
   * "Rolling broker upgrades"). The current version's copy is kept — a partial document cannot be
   * told from a whole one — and the loss is counted and logged, not silent.
   */
  private void compare(Move move, Map<String, Long> older, Map<String, Long> current) {
    var newerInOlder =
        older.entrySet().stream()
            .filter(e -> current.containsKey(e.getKey()) && e.getValue() > current.get(e.getKey()))
            .toList();
    if (newerInOlder.isEmpty()) {
      return;
    }
    meters.newerInOlder(newerInOlder.size());
    var sample = newerInOlder.getFirst();
    log.warn(
        "Partition {}: {} document(s) in {} hold changes newer than their copy in {} (e.g. {}:"
            + " position {} there, {} here): a broker of the older version exported this partition"
            + " after it had moved forward. The copy in {} is kept; those changes are not in the"
            + " read model (docs/operations.md, \"Upgrading the schema\")",
        partitionId,
        newerInOlder.size(),
        move.from(),
        move.to(),
        sample.getKey(),
        sample.getValue(),
        current.get(sample.getKey()),
        move.to());
  }

  private void delete(Move move, List<Source> page, PageOutcome outcome) {
    await(
        store.delete(page.stream().map(s -> new DocumentKey(move.from(), s.id())).toList()),
        notDeleted -> deleted(page.size(), outcome, notDeleted));
  }

  private void deleted(int documents, PageOutcome outcome, BulkItemFailures notDeleted) {
    if (notDeleted.total() > 0) {
      throw new StoreException(notDeleted);
    }
    meters.page(
        outcome.copied(),
        outcome.present(),
        outcome.deadLettered(),
        System.nanoTime() - pageStartNanos);
    moved += documents;
    backoff.onSuccess();
    if (failing) {
      failing = false;
      log.info("Partition {}: the schema upgrade's copy-forward goes on", partitionId);
    }
    refreshThenSearch();
  }

  private void finish() {
    done = true;
    meters.copying(false);
    if (moved > 0) {
      log.info(
          "Partition {}: schema upgrade done: {} document(s) moved in {} ms; writing",
          partitionId,
          moved,
          (System.nanoTime() - startNanos) / 1_000_000);
    }
  }

  private void failed(Throwable error) {
    meters.failed();
    backoff.onFailure(nowMillis.getAsLong());
    var message = error.getMessage();
    if (!failing) {
      failing = true;
      log.warn(
          "Partition {}: the schema upgrade's copy-forward failed; records stay held and it starts"
              + " over in {} ms (nothing is lost: every step may be done twice): {}",
          partitionId,
          backoff.remaining(nowMillis.getAsLong()).toMillis(),
          message);
    } else {
      log.debug("Partition {}: the schema upgrade still fails: {}", partitionId, message);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> void await(CompletableFuture<T> request, Consumer<T> next) {
    pending = request;
    onAnswer = answer -> next.accept((T) answer);
  }
}
