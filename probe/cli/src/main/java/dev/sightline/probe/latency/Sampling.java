package dev.sightline.probe.latency;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which entities the probe follows. The default is every process instance (the caller registers
 * each); with {@link #oneIn(int)} only every n-th candidate is registered, to bound the probe's
 * work under a high rate.
 *
 * <p>Thread-safe.
 */
public final class Sampling {

  private final int oneIn;
  private final AtomicLong candidates = new AtomicLong();

  private Sampling(int oneIn) {
    if (oneIn < 1) {
      throw new IllegalArgumentException("oneIn must be at least 1: " + oneIn);
    }
    this.oneIn = oneIn;
  }

  public static Sampling every() {
    return new Sampling(1);
  }

  public static Sampling oneIn(int n) {
    return new Sampling(n);
  }

  /** Whether this candidate is sampled: the 1st, the (n+1)-th, … */
  public boolean sample() {
    return candidates.getAndIncrement() % oneIn == 0;
  }
}
