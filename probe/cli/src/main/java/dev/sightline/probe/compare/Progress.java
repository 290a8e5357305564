package dev.sightline.probe.compare;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A running variant's progress line. On a terminal it is redrawn in place ({@code \r}) at every
 * update; anywhere else (a CI log, {@code > file}) an update becomes a plain line at most every
 * {@link #PLAIN_EVERY}, and the last state is printed at the end, so a log holds a readable line
 * every few seconds instead of thousands of frames on one line.
 *
 * <p>Not thread-safe: the thread that runs the variant.
 */
final class Progress {

  static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

  private final PrintStream out;
  private final ProgressStyle style;
  private final InstantSource clock;
  private Instant lastPrinted;
  private String unprinted;
  private int drawnLength;

  Progress(PrintStream out, ProgressStyle style, InstantSource clock) {
    this.out = out;
    this.style = style;
    this.clock = clock;
  }

  void show(String line) {
    if (style == ProgressStyle.REDRAWN) {
      out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
      out.flush();
      drawnLength = line.length();
      return;
    }
    var now = clock.instant();
    if (lastPrinted == null || !now.isBefore(lastPrinted.plus(PLAIN_EVERY))) {
      out.println(line);
      lastPrinted = now;
      unprinted = null;
    } else {
      unprinted = line;
    }
  }

  /** Ends the progress: the redrawn line is closed, or the last plain update printed. */
  void end() {
    if (drawnLength > 0) {
      out.println();
    }
    if (unprinted != null) {
      out.println(unprinted);
    }
    drawnLength = 0;
    unprinted = null;
    lastPrinted = null;
  }
}
