package dev.sightline.probe.latency;

/** How the probe asks whether a document is there. */
public enum ProbeMode {
  /**
   * {@code _search} with an {@code ids} query: finds a document only after a refresh made it
   * searchable, which is what a user's query sees. This measures {@code visible}.
   */
  SEARCH,
  /**
   * {@code _mget} (real-time GET): finds a document as soon as the bulk request wrote it, refreshed
   * or not. This measures {@code durable}; it exists to show the difference, never to measure
   * visibility.
   */
  REALTIME_GET
}
