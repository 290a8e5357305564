package dev.sightline.exporter.store;

import java.util.Optional;

/**
 * Elasticsearch did not do what was asked: unreachable, answered with an error, or rejected bulk
 * items. The exporter keeps its batch and retries; the message never contains credentials.
 */
public final class StoreException extends RuntimeException {

  private final transient BulkItemFailures itemFailures;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
    this.itemFailures = null;
  }

  /**
   * Elasticsearch answered a request with an error: the message names it (the reason without the
   * values it quotes) and says what an operator should do.
   *
   * @param type Elasticsearch's error type; null for an answer without a JSON body
   */
  public static StoreException answered(
      String what, int status, String type, String reason, Throwable cause) {
    return new StoreException(
        what
            + " failed: HTTP "
            + status
            + " "
            + (type == null ? "" : type + ": ")
            + Reasons.withoutValues(reason)
            + " → "
            + ElasticsearchErrors.requestAdvice(
                what, status, type, Reasons.withoutValues(reason), "<index>"),
        cause);
  }

  public StoreException(BulkItemFailures itemFailures) {
    super(itemFailures.describe());
    this.itemFailures = itemFailures;
  }

  /** The rejected bulk items, grouped by error type, when that was the failure. */
  public Optional<BulkItemFailures> itemFailures() {
    return Optional.ofNullable(itemFailures);
  }
}
