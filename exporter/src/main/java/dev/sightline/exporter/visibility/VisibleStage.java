package dev.sightline.exporter.visibility;

import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.config.VisibleStageConfig;
import dev.sightline.exporter.latency.DocumentWatch;
import dev.sightline.exporter.latency.LatencyStage;
import dev.sightline.exporter.latency.MicrosClock;
import dev.sightline.exporter.latency.StageRecorders;
import dev.sightline.exporter.store.DocumentPosition;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The exporter's own {@code visible} stage (docs/latency.md): it follows the records of sampled
 * documents ({@link DocumentSampling}) and, once their bulk is durable, searches for those
 * documents, as a user's query does, until a search returns each at its record's position or later;
 * {@code visible} = that search's send time − the record's timestamp.
 *
 * <ul>
 *   <li><b>Never waits</b>: searches are sent asynchronously from a task of its own (and, since a
 *       backlog makes the broker run scheduled tasks late, from the record path every {@value
 *       #CHECK_EVERY_RECORDS} records when a poll is due); their answers arrive on the client's I/O
 *       threads, which only enqueue them, and are taken up by the next poll, on the exporter
 *       thread. Export, flush and acknowledgement never depend on a search.
 *   <li><b>Capped</b>: one search at a time, at most {@code maxSearchesPerSecond}; one search asks
 *       every index for the documents waiting longest (at most {@value #MAX_IDS_PER_SEARCH}, in
 *       turn when more wait). A search without an answer after {@code requestTimeout} is given up.
 *   <li><b>Bounded</b>: at most {@code maxPending} records are followed; beyond, samples are
 *       dropped and counted; a record not seen {@code giveUpAfter} after its bulk was durable is
 *       given up and counted as timed out.
 * </ul>
 *
 * <p>Not thread-safe: the exporter's thread, except the answers' hand-over.
 */
public final class VisibleStage implements DocumentWatch, AutoCloseable {

  /** Ids one search asks for at most, over every index. */
  static final int MAX_IDS_PER_SEARCH = 1_000;

  /** How often the record path looks whether a poll is due (a backlog starves the task). */
  static final int CHECK_EVERY_RECORDS = 64;

  /** Sends one search; the future may complete on any thread. */
  @FunctionalInterface
  public interface Search {
    CompletableFuture<List<DocumentPosition>> positions(Map<String, List<String>> idsByIndex);
  }

  /** Runs a task on the exporter's thread after a delay (the broker's controller). */
  @FunctionalInterface
  public interface Scheduler {
    ScheduledTask schedule(Duration delay, Runnable task);
  }

  /** A search's outcome, handed from an I/O thread to the exporter thread. */
  private record Answer(long searchId, List<DocumentPosition> found, Throwable error) {}

  private final SampledRecords samples;
  private final Search search;
  private final StageRecorders recorders;
  private final MicrosClock micros;
  private final LongSupplier nowMillis;
  private final Scheduler scheduler;
  private final VisibilityMeters meters;
  private final long periodMicros;
  private final long giveUpAfterMillis;
  private final long requestTimeoutMillis;
  private final Logger log;
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  private ScheduledTask task;
  private long nextSearchId;
  private long inFlightId = -1;
  private long inFlightSentAtMicros;
  private long inFlightSentAtMillis;
  private long nextSearchAtMicros; // the epoch: a search may go at once
  private int recordsSinceCheck;
  private boolean failureLogged;
  private boolean closed;

  /**
   * @param recorders where {@code visible} is recorded (this stage writes from the exporter thread,
   *     the recorders' single writer)
   * @param micros the broker's clock in microseconds: search send times
   * @param nowMillis the same clock in milliseconds
   * @param requestTimeout a search without an answer after this long is given up
   */
  public VisibleStage(
      VisibleStageConfig config,
      Search search,
      StageRecorders recorders,
      MicrosClock micros,
      LongSupplier nowMillis,
      Scheduler scheduler,
      MeterRegistry registry,
      int partitionId,
      Duration requestTimeout,
      Logger log) {
    this.samples =
        new SampledRecords(new DocumentSampling(config.sampleOneIn()), config.maxPending());
    this.search = search;
    this.recorders = recorders;
    this.micros = micros;
    this.nowMillis = nowMillis;
    this.scheduler = scheduler;
    this.meters = new VisibilityMeters(registry, partitionId, samples::size);
    this.periodMicros = config.searchPeriod().toNanos() / 1_000;
    this.giveUpAfterMillis = config.giveUpAfter().toMillis();
    this.requestTimeoutMillis = requestTimeout.toMillis();
    this.log = log;
  }

  @Override
  public void merged(PendingDocument document, Map<String, ?> fields) {
    samples.merged(document, fields);
  }

  /**
   * Also keeps the searches going under a backlog, when the broker runs scheduled tasks late (they
   * wait behind the records): every {@value #CHECK_EVERY_RECORDS} records, a poll that is due runs
   * here, on the exporter thread (one clock read per that many records).
   */
  @Override
  public void recordAccepted(Record<?> record) {
    var dropped = samples.recordAccepted(record);
    if (dropped > 0) {
      meters.dropped.increment(dropped);
    }
    if (++recordsSinceCheck >= CHECK_EVERY_RECORDS) {
      recordsSinceCheck = 0;
      if (!closed
          && (samples.hasAwaiting() || inFlightId >= 0)
          && micros.nowMicros() >= nextSearchAtMicros) {
        pollNow();
        scheduleIfIdle();
      }
    }
  }

  /** A followed document is durable: searched for from now on. */
  @Override
  public void written(PendingDocument document) {
    if (closed || !samples.written(document, nowMillis)) {
      return;
    }
    scheduleIfIdle();
  }

  @Override
  public void notWritten(PendingDocument document) {
    var givenUp = samples.notWritten(document);
    if (givenUp > 0) {
      meters.notWritten.increment(givenUp);
    }
  }

  /** Records followed and not seen yet. */
  public int pending() {
    return samples.size();
  }

  /** Whether a search is out, waiting for its answer. */
  public boolean searching() {
    return inFlightId >= 0;
  }

  /**
   * The task: takes up the answers that came, gives up what waited too long, sends the next search
   * if the cap allows; runs again while something waits. Never throws, never waits.
   */
  void poll() {
    task = null;
    if (closed) {
      return;
    }
    try {
      pollNow();
    } finally {
      scheduleIfIdle();
    }
  }

  private void pollNow() {
    takeUpAnswers();
    var now = nowMillis.getAsLong();
    var expired = samples.expire(now - giveUpAfterMillis);
    if (expired > 0) {
      meters.timedOut.increment(expired);
    }
    if (inFlightId >= 0 && now - inFlightSentAtMillis >= requestTimeoutMillis) {
      meters.failed.increment();
      inFlightId = -1; // its answer, should it still come, is ignored
    }
    if (inFlightId < 0 && samples.hasAwaiting()) {
      send(now);
    }
  }

  /** Runs the task again while something waits, unless it is scheduled already. */
  private void scheduleIfIdle() {
    if (!closed && task == null && (samples.hasAwaiting() || inFlightId >= 0)) {
      task = scheduler.schedule(untilNextPoll(), this::poll);
    }
  }

  /** At once when a search may go now, else when the cap allows one or an answer may be there. */
  private Duration untilNextPoll() {
    var untilCap = nextSearchAtMicros - micros.nowMicros();
    if (inFlightId < 0 && untilCap <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(1_000, Math.min(untilCap, periodMicros)) * 1_000);
  }

  private void send(long nowMillis) {
    var nowMicros = micros.nowMicros();
    if (nowMicros < nextSearchAtMicros) {
      return;
    }
    nextSearchAtMicros = nowMicros + periodMicros;
    var id = nextSearchId++;
    inFlightId = id;
    inFlightSentAtMicros = nowMicros;
    inFlightSentAtMillis = nowMillis;
    CompletableFuture<List<DocumentPosition>> answer;
    try {
      answer = search.positions(samples.nextToSearch(MAX_IDS_PER_SEARCH));
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    // On the client's I/O thread: only hand the answer over.
    answer.whenComplete((found, error) -> answers.add(new Answer(id, found, error)));
  }

  private void takeUpAnswers() {
    for (Answer answer; (answer = answers.poll()) != null; ) {
      if (answer.searchId() != inFlightId) {
        continue; // given up already
      }
      inFlightId = -1;
      if (answer.error() != null) {
        meters.failed.increment();
        if (!failureLogged) {
          failureLogged = true; // once: the meter counts the rest
          log.warn(
              "A search of the visible stage failed; it is tried again, and the failures are"
                  + " counted in {}: {}",
              VisibilityMeters.SEARCHES,
              answer.error().toString());
        }
        continue;
      }
      meters.answered.increment();
      seen(answer.found(), inFlightSentAtMicros);
    }
  }

  private void seen(List<DocumentPosition> found, long sentAtMicros) {
    if (found.isEmpty()) {
      return;
    }
    var visible = 0;
    recorders.beginPass();
    try {
      for (var document : found) {
        visible +=
            samples.seen(
                document,
                (timestampMillis, valueType) ->
                    recorders.recordInPass(
                        LatencyStage.VISIBLE,
                        valueType,
                        sentAtMicros - timestampMillis * 1_000,
                        1));
      }
    } finally {
      recorders.endPass();
    }
    if (visible > 0) {
      meters.visible.increment(visible);
    }
  }

  /** Stops searching and forgets what it followed; an answer still out is ignored. */
  @Override
  public void close() {
    closed = true;
    if (task != null) {
      task.cancel();
      task = null;
    }
    samples.clear();
    answers.clear();
  }
}
