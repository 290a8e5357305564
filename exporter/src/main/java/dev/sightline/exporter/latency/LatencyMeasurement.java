package dev.sightline.exporter.latency;

import dev.sightline.exporter.config.LatencyConfig;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;

/**
 * The exporter's latency measurement, assembled for one partition: the {@link LatencyTracker} the
 * record path reports to, and the periodic tick that publishes metrics and writes the {@code .hlog}
 * file. An exporter has the broker run the tick ({@link #startTicking}) and closes this after its
 * last flush, which cancels the tick and writes the last interval.
 *
 * <p>Not thread-safe: the exporter's thread.
 */
public final class LatencyMeasurement implements AutoCloseable {

  private final LatencyTracker tracker;
  private final LatencyReporter reporter;
  private final StageRecorders recorders;
  private final MicrosClock clock;
  private ScheduledTask tickTask;
  private boolean closed;

  private LatencyMeasurement(
      LatencyTracker tracker,
      LatencyReporter reporter,
      StageRecorders recorders,
      MicrosClock clock) {
    this.tracker = tracker;
    this.reporter = reporter;
    this.recorders = recorders;
    this.clock = clock;
  }

  /**
   * @param clock the broker's clock, the one records are stamped with
   */
  public static LatencyMeasurement open(
      LatencyConfig config,
      MeterRegistry registry,
      int partitionId,
      InstantSource clock,
      Logger log) {
    var recorders = new StageRecorders();
    var meters = new LatencyMeters(registry, partitionId, recorders);
    RollingHlog hlog = null;
    if (config.hlogPath().isPresent()) {
      var directory = config.hlogPath().get();
      var file = HlogFile.fileFor(directory, partitionId);
      try {
        hlog =
            RollingHlog.open(directory, partitionId, RollingHlog.Policy.of(config), clock.millis());
      } catch (IOException | RuntimeException e) {
        log.warn(
            "Latency log {} cannot be opened; no .hlog file this time: {}", file, e.toString());
      }
    }
    var reporter =
        new LatencyReporter(recorders, meters, hlog, config.hlogInterval(), clock::millis, log);
    var micros = MicrosClock.of(clock);
    return new LatencyMeasurement(
        new LatencyTracker(recorders, micros), reporter, recorders, micros);
  }

  public LatencyTracker tracker() {
    return tracker;
  }

  /** Where stages are recorded: on the exporter's thread only (the single writer). */
  public StageRecorders recorders() {
    return recorders;
  }

  /** The broker's clock in microseconds. */
  public MicrosClock clock() {
    return clock;
  }

  public Duration tickInterval() {
    return LatencyReporter.TICK;
  }

  /**
   * The exporter starts writing: the first interval starts now, not at open (which may have waited
   * for the schema or for the two-hop importers).
   */
  public void startIntervals() {
    reporter.startInterval();
  }

  public void tick() {
    reporter.tick();
  }

  /**
   * Has the broker run {@link #tick()} every {@link #tickInterval()} on the exporter's thread, from
   * now until {@link #close()}.
   */
  public void startTicking(Controller controller) {
    if (closed || tickTask != null) {
      return;
    }
    scheduleTick(controller);
  }

  private void scheduleTick(Controller controller) {
    tickTask =
        controller.scheduleCancellableTask(
            tickInterval(),
            () -> {
              if (closed) {
                return;
              }
              try {
                tick();
              } finally {
                scheduleTick(controller);
              }
            });
  }

  /** Cancels the tick and writes the last interval. */
  @Override
  public void close() {
    closed = true;
    if (tickTask != null) {
      tickTask.cancel();
    }
    reporter.close();
  }
}
