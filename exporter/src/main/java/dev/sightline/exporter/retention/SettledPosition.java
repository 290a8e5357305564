package dev.sightline.exporter.retention;

import java.util.ArrayDeque;

/**
 * The highest record position no replay can export again. The broker keeps an exporter's position
 * in its snapshots, so after a crash it exports again everything after the last snapshot's
 * position, up to what was acknowledged since. A position is settled when it was acknowledged at
 * least {@code replayWindow} ago (longer than the broker's snapshot period), or was the exporter's
 * position when it opened (the broker had it stored). Samples are taken once per run, so at most
 * {@code replayWindow / interval} are kept.
 *
 * <p>Not thread-safe (exporter thread).
 */
final class SettledPosition {

  private record Sample(long atMillis, long position) {}

  private final long replayWindowMillis;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private long settled;

  /**
   * @param openPosition the position the broker gave the exporter at open: stored, so settled
   */
  SettledPosition(long openPosition, long replayWindowMillis) {
    this.settled = openPosition;
    this.replayWindowMillis = replayWindowMillis;
  }

  /** Records the acknowledged position now and returns the settled one. */
  long sample(long nowMillis, long acknowledgedPosition) {
    samples.addLast(new Sample(nowMillis, acknowledgedPosition));
    while (!samples.isEmpty() && samples.peekFirst().atMillis() <= nowMillis - replayWindowMillis) {
      settled = Math.max(settled, samples.pollFirst().position());
    }
    return settled;
  }
}
