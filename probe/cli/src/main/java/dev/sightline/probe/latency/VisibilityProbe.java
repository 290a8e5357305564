package dev.sightline.probe.latency;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures when records become visible to readers. Callers register {@link Expectation}s (any
 * thread, never blocking: beyond {@link ProbeSettings#maxPending()} an expectation is shed and
 * counted); a poller thread of its own, every {@link ProbeSettings#pollInterval()}, sends for each
 * index one request for its oldest pending ids (at most {@link ProbeSettings#maxIdsPerRequest()}),
 * whatever the number of expectations per document. The first request that returns a document at an
 * expectation's position or later meets it (an older version does not): the latency recorded is the
 * request's send time − the record's timestamp, both on {@link ProbeSettings#clock()}. So a
 * document is seen at most one poll period (plus one request) after it became visible; the achieved
 * poll period is reported as the resolution ({@link ProbeReport#pollPeriodMicros()}).
 *
 * <p>Threading: {@link #expect}, {@link #report}, {@link #pending} and {@link #close} from any
 * thread; the listener and the reader run on the poller thread only.
 */
public final class VisibilityProbe implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VisibilityProbe.class);
  private static final long NONE = Long.MIN_VALUE;

  private final ProbeSettings settings;
  private final DocumentReader reader;
  private final VisibilityListener listener;
  private final ConcurrentLinkedQueue<Expectation> intake = new ConcurrentLinkedQueue<>();
  private final AtomicInteger admitted = new AtomicInteger();
  private final PendingExpectations pending = new PendingExpectations();
  private final ProbeRecorders recorders = new ProbeRecorders();
  private final AtomicLong met = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private long previousPollMicros = NONE;
  private volatile boolean running;
  private Thread poller;

  /**
   * A probe without a poller thread: {@link #pollOnce()} is called by the owner (tests on virtual
   * time).
   */
  VisibilityProbe(ProbeSettings settings, DocumentReader reader, VisibilityListener listener) {
    this.settings = settings;
    this.reader = reader;
    this.listener = listener;
  }

  /** Starts polling over HTTP on a daemon thread of its own. */
  public static VisibilityProbe start(ProbeSettings settings, VisibilityListener listener) {
    return start(settings, new HttpDocumentReader(settings.url(), settings.mode()), listener);
  }

  public static VisibilityProbe start(
      ProbeSettings settings, DocumentReader reader, VisibilityListener listener) {
    var probe = new VisibilityProbe(settings, reader, listener);
    probe.running = true;
    probe.poller =
        Thread.ofPlatform().daemon().name("sightline-visibility-probe").start(probe::pollLoop);
    return probe;
  }

  /**
   * Registers an expectation; false if it was shed because the pending set is full. Never blocks.
   */
  public boolean expect(Expectation expectation) {
    if (admitted.incrementAndGet() > settings.maxPending()) {
      admitted.decrementAndGet();
      shed.incrementAndGet();
      return false;
    }
    intake.add(expectation);
    return true;
  }

  /** Expectations registered and not yet met, shed or timed out. */
  public int pending() {
    return admitted.get();
  }

  /** Waits (real time) until nothing is pending; false on timeout. For tools and tests. */
  public boolean awaitNothingPending(Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (admitted.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    return true;
  }

  public ProbeReport report() {
    var snapshot = recorders.snapshot();
    return new ProbeReport(
        settings.mode(),
        settings.pollInterval(),
        snapshot.stages(),
        snapshot.pollPeriod(),
        snapshot.requests(),
        requests.get(),
        failedRequests.get(),
        Duration.ofNanos(System.nanoTime() - startNanos),
        met.get(),
        admitted.get(),
        shed.get(),
        timedOut.get());
  }

  /**
   * One poll: takes new expectations in, drops expired ones, sends one request per index. Poller
   * thread.
   */
  void pollOnce() {
    for (Expectation next; (next = intake.poll()) != null; ) {
      if (!pending.add(next)) {
        admitted.decrementAndGet();
      }
    }
    var expired =
        pending.dropOlderThan(settings.clock().millis() - settings.giveUpAfter().toMillis());
    if (expired > 0) {
      admitted.addAndGet(-expired);
      timedOut.addAndGet(expired);
    }
    if (pending.size() == 0) {
      previousPollMicros = NONE;
      return;
    }
    var pollMicros = nowMicros();
    if (previousPollMicros != NONE) {
      recorders.recordPollPeriod(pollMicros - previousPollMicros);
    }
    previousPollMicros = pollMicros;
    for (var index : List.copyOf(pending.indices())) {
      poll(index);
    }
  }

  private void poll(String index) {
    var ids = pending.oldestIds(index, settings.maxIdsPerRequest());
    var sentAtMicros = nowMicros();
    try {
      for (var found : reader.find(index, ids).entrySet()) {
        for (var expectation : pending.met(index, found.getKey(), found.getValue())) {
          var observation = new Observation(expectation, sentAtMicros);
          recorders.recordLatency(expectation.stage(), observation.latencyMicros());
          admitted.decrementAndGet();
          met.incrementAndGet();
          listener.onVisible(observation);
        }
      }
    } catch (IOException e) {
      failedRequests.incrementAndGet();
      LOG.debug("Probe request to {} failed; its ids stay pending: {}", index, e.toString());
    } finally {
      requests.incrementAndGet();
      recorders.recordRequest(nowMicros() - sentAtMicros);
    }
  }

  private long nowMicros() {
    var instant = settings.clock().instant();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  private void pollLoop() {
    var intervalNanos = settings.pollInterval().toNanos();
    while (running) {
      var started = System.nanoTime();
      try {
        pollOnce();
      } catch (RuntimeException e) {
        LOG.warn("Probe poll failed; polling goes on", e);
      }
      var wait = started + intervalNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (poller != null) {
      poller.interrupt();
      try {
        poller.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reader.close();
  }
}
