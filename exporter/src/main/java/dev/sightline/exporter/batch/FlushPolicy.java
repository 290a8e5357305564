package dev.sightline.exporter.batch;

import java.time.Duration;

/**
 * Decides when a batch must be flushed: when it holds {@code size} documents, when its estimated
 * bytes reach {@code memoryLimitBytes} (both make it "full": it accepts no more records until
 * flushed), or when {@code delay} has passed since its oldest record arrived ("due").
 */
public record FlushPolicy(int size, Duration delay, long memoryLimitBytes) {

  public boolean isFull(Batch batch) {
    return isFull(batch.documentCount(), batch.estimatedBytes());
  }

  /** As {@link #isFull(Batch)}, for batches of another shape (the record-index exporter's). */
  public boolean isFull(int documents, long bytes) {
    return documents >= size || bytes >= memoryLimitBytes;
  }

  /** Whether {@code delay} has passed since {@code oldestMillis} (negative: nothing pending). */
  public boolean isDue(long oldestMillis, long nowMillis) {
    return oldestMillis >= 0 && nowMillis - oldestMillis >= delay.toMillis();
  }

  public boolean isDue(Batch batch, long nowMillis) {
    return batch
        .oldestRecordAtMillis()
        .map(oldest -> nowMillis - oldest >= delay.toMillis())
        .orElse(false);
  }

  public boolean shouldFlush(Batch batch, long nowMillis) {
    return isFull(batch) || isDue(batch, nowMillis);
  }

  /** Time until the batch becomes due: zero if due; the full delay if nothing is pending. */
  public Duration untilDue(Batch batch, long nowMillis) {
    return batch
        .oldestRecordAtMillis()
        .map(oldest -> Duration.ofMillis(Math.max(0, oldest + delay.toMillis() - nowMillis)))
        .orElse(delay);
  }
}
