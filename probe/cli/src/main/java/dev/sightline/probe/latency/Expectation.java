package dev.sightline.probe.latency;

import java.util.Objects;

/**
 * A record expected to become visible: the probe polls {@code index} for {@code id} and records,
 * under {@code stage}, the time from {@code recordTimestampMillis} to the first search that returns
 * the document at {@code minPosition} or later — the version that holds the record's changes (every
 * read-model document carries {@code position}, the highest record position merged into it).
 *
 * @param stage the stage name the latency is recorded under: {@link #VISIBLE} for the read model; a
 *     two-hop run adds its own (e.g. {@code record-visible} on the {@code zeebe-record-*} index)
 * @param minPosition the record's position: an older version of the document does not count; {@link
 *     #ANY_POSITION}: any version does (the document's first appearance, for documents without a
 *     {@code position})
 * @param recordTimestampMillis the record's timestamp, on the clock the probe is given (the
 *     broker's)
 */
public record Expectation(
    String stage, String index, String id, long minPosition, long recordTimestampMillis) {

  public static final String VISIBLE = "visible";

  /** Any version of the document meets the expectation: its first appearance. */
  public static final long ANY_POSITION = Long.MIN_VALUE;

  public Expectation {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(id, "id");
  }

  /** The document's first appearance, any version. */
  public Expectation(String stage, String index, String id, long recordTimestampMillis) {
    this(stage, index, id, ANY_POSITION, recordTimestampMillis);
  }

  /** The read model's stage, {@code visible}: the document's first appearance. */
  public static Expectation visible(String index, String id, long recordTimestampMillis) {
    return new Expectation(VISIBLE, index, id, recordTimestampMillis);
  }

  /** Whether a document found at {@code position} (or {@link #ANY_POSITION}: unknown) meets it. */
  public boolean metBy(long position) {
    return minPosition == ANY_POSITION || position >= minPosition;
  }
}
