package dev.sightline.exporter.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Time that moves only when a test says so. */
public final class VirtualClock implements InstantSource {

  private long nowMillis;

  public VirtualClock(long startMillis) {
    this.nowMillis = startMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(nowMillis);
  }

  @Override
  public long millis() {
    return nowMillis;
  }

  public void advance(Duration duration) {
    nowMillis += duration.toMillis();
  }
}
