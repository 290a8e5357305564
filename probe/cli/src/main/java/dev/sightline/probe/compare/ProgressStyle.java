package dev.sightline.probe.compare;

/** How a run shows its progress: its output is a terminal or not. */
public enum ProgressStyle {
  /** A terminal: one line, redrawn in place. */
  REDRAWN,
  /** Not a terminal (a CI log, a file): plain lines, a few seconds apart. */
  PLAIN
}
