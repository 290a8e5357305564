package dev.sightline.exporter.config;

/** The exact texts tests expect, written out by hand so a change in wording fails a test. */
final class ExpectedMessages {

  static final String KNOWN =
      "(known: connect.url, connect.username, connect.password, connect.apiKey, connect.requestTimeout,"
          + " connect.tls.caPath, connect.tls.trustStorePath, connect.tls.trustStorePassword, index.prefix, index.numberOfShards, index.numberOfReplicas, index.upgradePageSize, bulk.size, bulk.delay,"
          + " bulk.memoryLimit, bulk.maxInFlight, bulk.linger, visibility.refresh, visibility.minRefreshInterval, visibility.maxRefreshLag, retry.maxBackoff, variables.previewSize, errors.onRejected, latency.hlog.path, latency.hlog.interval, latency.hlog.maxFileSize, latency.hlog.maxFileAge, latency.hlog.maxFiles, latency.visibility.enabled, latency.visibility.sampleOneIn, latency.visibility.maxSearchesPerSecond, latency.visibility.maxPending, latency.visibility.giveUpAfter, importers.checkInterval, importers.positionIndex,"
          + " importers.recordIndexPrefix, retention.enabled, retention.period, retention.interval,"
          + " retention.batchSize, retention.maxDocumentsPerRun, retention.replayWindow)";

  private ExpectedMessages() {}

  /** A {@link ConfigException} message listing these error lines. */
  static String invalid(String... lines) {
    return "Invalid Sightline exporter configuration:\n" + String.join("\n", lines);
  }
}
