package dev.sightline.exporter.batch;

import java.time.Duration;

/**
 * Decides when a batch must be flushed: when it holds {@code size} documents, when its estimated bytes reach
 * {@code memoryLimitBytes} (both make it "full": it accepts no more records until flushed), or when
 * {@code delay} has passed since its oldest record arrived ("due").
 */
public record FlushPolicy(int size, Duration delay, long memoryLimitBytes) {

  public boolean isFull(Batch batch) {
    return batch.documentCount() >= size || batch.estimatedBytes() >= memoryLimitBytes;
  }

  public boolean isDue(Batch batch, long nowMillis) {
    return batch.oldestRecordAtMillis().map(oldest -> nowMillis - oldest >= delay.toMillis()).orElse(false);
  }

  public boolean shouldFlush(Batch batch, long nowMillis) {
    return isFull(batch) || isDue(batch, nowMillis);
  }

  /** Time until the batch becomes due (zero if due or if empty: then the full delay is the next check). */
  public Duration untilDue(Batch batch, long nowMillis) {
    return batch
        .oldestRecordAtMillis()
        .map(oldest -> Duration.ofMillis(Math.max(0, oldest + delay.toMillis() - nowMillis)))
        .orElse(delay);
  }
}
