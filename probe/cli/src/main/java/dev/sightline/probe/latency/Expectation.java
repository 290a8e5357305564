package dev.sightline.probe.latency;

import java.util.Objects;

/**
 * A document expected to become visible: the probe polls {@code index} for {@code id} and records,
 * under {@code stage}, the time from {@code recordTimestampMillis} to the first search that finds
 * it.
 *
 * @param stage the stage name the latency is recorded under: {@link #VISIBLE} for the read model; a
 *     two-hop run adds its own (e.g. {@code record-visible} on the {@code zeebe-record-*} index,
 *     {@code final-visible})
 * @param recordTimestampMillis the record's timestamp, on the clock the probe is given (the
 *     broker's)
 */
public record Expectation(String stage, String index, String id, long recordTimestampMillis) {

  public static final String VISIBLE = "visible";

  public Expectation {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(id, "id");
  }

  /** The read model's stage: {@code visible}. */
  public static Expectation visible(String index, String id, long recordTimestampMillis) {
    return new Expectation(VISIBLE, index, id, recordTimestampMillis);
  }
}
