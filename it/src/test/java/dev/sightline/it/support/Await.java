package dev.sightline.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sightline.exporter.testing.TestController;
import dev.sightline.probe.host.HostedPartition;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How integration tests wait, in one place: no fixed sleep before an assertion. What must happen is
 * polled for until it does ({@link #until}) or the host's partition is asked to block until it does
 * ({@link #acknowledged}, {@link #delivered}); what must <em>not</em> happen is checked all along a
 * period that gives it the chance to ({@link #during}). An exporter on virtual time is given time
 * in step with real time until it acknowledged ({@link #advanceUntilAcknowledged}).
 */
public final class Await {

  /** How long a test waits for a real node, an exporter or an importer before it fails. */
  public static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private static final Duration VIRTUAL_STEP = Duration.ofMillis(10);

  private Await() {}

  /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #TIMEOUT}. */
  public static void until(BooleanSupplier condition, String what) {
    until(condition, () -> what);
  }

  /**
   * Polls {@code condition} until it holds; fails after {@link #TIMEOUT} with {@code what}, built
   * then (so it can say how far things got).
   */
  public static void until(BooleanSupplier condition, Supplier<String> what) {
    until(condition, TIMEOUT, what);
  }

  /** Polls {@code condition} until it holds; fails after {@code timeout} with {@code what}. */
  public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("Waited %s for %s", timeout, what.get());
      }
      pause(POLL_INTERVAL);
    }
  }

  /**
   * Runs {@code check} (assertions) again and again for {@code period}, and once more at its end:
   * for what must not happen while the test gives it the chance to, e.g. an exporter that must not
   * acknowledge while it waits. A bare sleep before the assertion would only see the end.
   */
  public static void during(Duration period, Runnable check) {
    long end = System.nanoTime() + period.toNanos();
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      check.run();
      pause(Duration.ofNanos(Math.min(left, POLL_INTERVAL.toNanos())));
    }
    check.run();
  }

  /** Blocks until {@code exporterId} acknowledged {@code position} on the partition. */
  public static void acknowledged(HostedPartition partition, String exporterId, long position) {
    acknowledged(partition, exporterId, position, TIMEOUT);
  }

  /** As {@link #acknowledged(HostedPartition, String, long)}, waiting at most {@code timeout}. */
  public static void acknowledged(
      HostedPartition partition, String exporterId, long position, Duration timeout) {
    assertThat(partition.awaitAcknowledged(exporterId, position, timeout))
        .as(
            "partition %d: %s acknowledged up to %d (failure: %s)",
            partition.partitionId(), exporterId, position, partition.failure())
        .isTrue();
  }

  /** Blocks until every record up to {@code position} was handed to every exporter. */
  public static void delivered(HostedPartition partition, long position) {
    assertThat(partition.awaitDelivered(position, TIMEOUT))
        .as(
            "partition %d: delivered up to %d (failure: %s)",
            partition.partitionId(), position, partition.failure())
        .isTrue();
  }

  /**
   * For an exporter on virtual time ({@link TestController}) that writes to a real node: its bulks
   * are answered on the client's threads, in real time, and taken up by its scheduled task. So
   * virtual time moves in 10 ms steps, each after 10 ms of real time, as a broker's would, until
   * {@code position} is acknowledged or {@code atMost} of virtual time has passed (for an exporter
   * that must not acknowledge: an outage, a closed gate; the caller asserts either way).
   */
  public static void advanceUntilAcknowledged(
      TestController controller, long position, Duration atMost) {
    for (long spent = 0;
        spent < atMost.toMillis() && controller.getLastExportedRecordPosition() < position;
        spent += VIRTUAL_STEP.toMillis()) {
      pause(VIRTUAL_STEP);
      controller.advance(VIRTUAL_STEP);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting", e);
    }
  }
}
