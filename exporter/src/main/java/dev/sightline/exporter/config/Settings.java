package dev.sightline.exporter.config;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting the exporter knows, with its rule and default: the one place a setting is declared.
 * To add one: a constant here, its entry in {@link #ALL}, a record component and its line in {@link
 * #assemble}, and a row in {@code docs/configuration.md} (a test checks each key has one).
 */
final class Settings {

  static final Setting<List<URI>> CONNECT_URL =
      Setting.of(
          "connect.url",
          Rules.httpUrls(),
          List.of(URI.create("http://localhost:9200")),
          c -> c.connect().urls());
  static final Setting<Optional<String>> CONNECT_USERNAME =
      Setting.of(
          "connect.username", Rules.optionalText(), Optional.empty(), c -> c.connect().username());
  static final Setting<Optional<Secret>> CONNECT_PASSWORD =
      Setting.of(
          "connect.password",
          Rules.optionalSecret(),
          Optional.empty(),
          c -> c.connect().password());
  static final Setting<Optional<Secret>> CONNECT_API_KEY =
      Setting.of(
          "connect.apiKey", Rules.optionalSecret(), Optional.empty(), c -> c.connect().apiKey());
  static final Setting<Duration> CONNECT_REQUEST_TIMEOUT =
      Setting.of(
          "connect.requestTimeout",
          Rules.duration(ofMillis(1), ofMinutes(10)),
          ofSeconds(30),
          c -> c.connect().requestTimeout());

  static final Setting<Optional<Path>> CONNECT_TLS_CA_PATH =
      Setting.of(
          "connect.tls.caPath",
          Rules.optionalFile(),
          Optional.empty(),
          c -> c.connect().tls().caPath());
  static final Setting<Optional<Path>> CONNECT_TLS_TRUST_STORE_PATH =
      Setting.of(
          "connect.tls.trustStorePath",
          Rules.optionalFile(),
          Optional.empty(),
          c -> c.connect().tls().trustStorePath());
  static final Setting<Optional<Secret>> CONNECT_TLS_TRUST_STORE_PASSWORD =
      Setting.of(
          "connect.tls.trustStorePassword",
          Rules.optionalSecret(),
          Optional.empty(),
          c -> c.connect().tls().trustStorePassword());

  static final Setting<String> INDEX_PREFIX =
      Setting.of("index.prefix", Rules.indexPrefix(), "sightline", c -> c.index().prefix());
  static final Setting<Integer> INDEX_NUMBER_OF_SHARDS =
      Setting.of(
          "index.numberOfShards", Rules.integer(1, 1024), 1, c -> c.index().numberOfShards());
  static final Setting<Integer> INDEX_NUMBER_OF_REPLICAS =
      Setting.of(
          "index.numberOfReplicas", Rules.integer(0, 100), 0, c -> c.index().numberOfReplicas());
  static final Setting<Integer> INDEX_UPGRADE_PAGE_SIZE =
      Setting.of(
          "index.upgradePageSize", Rules.integer(1, 10_000), 500, c -> c.index().upgradePageSize());

  static final Setting<Integer> BULK_SIZE =
      Setting.of("bulk.size", Rules.integer(1, 100_000), 1000, c -> c.bulk().size());
  static final Setting<Duration> BULK_DELAY =
      Setting.of(
          "bulk.delay",
          Rules.duration(ofMillis(1), ofHours(1)),
          ofSeconds(1),
          c -> c.bulk().delay());
  static final Setting<Long> BULK_MEMORY_LIMIT =
      Setting.of(
          "bulk.memoryLimit",
          Rules.byteSize(ByteSizes.KB, ByteSizes.GB),
          20 * ByteSizes.MB,
          c -> c.bulk().memoryLimitBytes());

  /**
   * Two: one bulk is written while the next accumulates and can be sent as soon as the first
   * answers, or at once when full (docs/benchmarks.md measures one, two and more).
   */
  static final Setting<Integer> BULK_MAX_IN_FLIGHT =
      Setting.of("bulk.maxInFlight", Rules.integer(1, 16), 2, c -> c.bulk().maxInFlight());

  /** None: group commit batches by itself while a bulk is in flight; a linger only adds latency. */
  static final Setting<Duration> BULK_LINGER =
      Setting.of(
          "bulk.linger",
          Rules.duration(ofMillis(0), ofHours(1)),
          ofMillis(0),
          c -> c.bulk().linger());

  static final Setting<RefreshPolicy> VISIBILITY_REFRESH =
      Setting.of(
          "visibility.refresh",
          Rules.refreshPolicy(),
          RefreshPolicy.AFTER_BULK,
          c -> c.visibility().refresh());
  static final Setting<Duration> VISIBILITY_MIN_REFRESH_INTERVAL =
      Setting.of(
          "visibility.minRefreshInterval",
          Rules.duration(ofMillis(1), ofHours(1)),
          ofMillis(30),
          c -> c.visibility().minRefreshInterval());

  /**
   * One second, the index's own refresh interval: a partition further behind than that gains less
   * from a refresh than the backlog costs it, and its refreshes would slow the node that works the
   * backlog off (docs/benchmarks.md).
   */
  static final Setting<Duration> VISIBILITY_MAX_REFRESH_LAG =
      Setting.of(
          "visibility.maxRefreshLag",
          Rules.duration(ofMillis(0), ofHours(1)),
          ofSeconds(1),
          c -> c.visibility().maxRefreshLag());

  static final Setting<Duration> RETRY_MAX_BACKOFF =
      Setting.of(
          "retry.maxBackoff",
          Rules.duration(ofMillis(10), ofMinutes(10)),
          ofSeconds(10),
          c -> c.retry().maxBackoff());

  /**
   * At most 8191: a longer preview could exceed Lucene's 32766-byte term limit (4 UTF-8 bytes a
   * code point).
   */
  static final Setting<Integer> VARIABLES_PREVIEW_SIZE =
      Setting.of(
          "variables.previewSize", Rules.integer(1, 8191), 8191, c -> c.variables().previewSize());

  static final Setting<RejectionPolicy> ERRORS_ON_REJECTED =
      Setting.of(
          "errors.onRejected",
          Rules.rejectionPolicy(),
          RejectionPolicy.DEAD_LETTER,
          c -> c.errors().onRejected());

  static final Setting<Duration> IMPORTERS_CHECK_INTERVAL =
      Setting.of(
          "importers.checkInterval",
          Rules.duration(ofMillis(10), ofHours(1)),
          ofSeconds(10),
          c -> c.importers().checkInterval());

  /**
   * Operate's and Tasklist's import-position indices are versioned ({@code
   * operate-import-position-8.3.0_}, {@code tasklist-import-position-8.2.0_}); the patterns match
   * those and the unversioned {@code operate-import-position} of the project's own importer.
   */
  static final Setting<List<String>> IMPORTERS_POSITION_INDEX =
      Setting.of(
          "importers.positionIndex",
          Rules.indexPatterns(),
          List.of("operate-import-position*", "tasklist-import-position*"),
          c -> c.importers().positionIndices());

  static final Setting<String> IMPORTERS_RECORD_INDEX_PREFIX =
      Setting.of(
          "importers.recordIndexPrefix",
          Rules.indexPrefix(),
          "zeebe-record",
          c -> c.importers().recordIndexPrefix());

  static final Setting<Optional<Path>> LATENCY_HLOG_PATH =
      Setting.of(
          "latency.hlog.path", Rules.optionalPath(), Optional.empty(), c -> c.latency().hlogPath());
  static final Setting<Duration> LATENCY_HLOG_INTERVAL =
      Setting.of(
          "latency.hlog.interval",
          Rules.duration(ofSeconds(1), ofHours(1)),
          ofSeconds(10),
          c -> c.latency().hlogInterval());
  static final Setting<Long> LATENCY_HLOG_MAX_FILE_SIZE =
      Setting.of(
          "latency.hlog.maxFileSize",
          Rules.byteSize(ByteSizes.KB, ByteSizes.GB),
          32 * ByteSizes.MB,
          c -> c.latency().hlogMaxFileSizeBytes());
  static final Setting<Duration> LATENCY_HLOG_MAX_FILE_AGE =
      Setting.of(
          "latency.hlog.maxFileAge",
          Rules.duration(ofMinutes(1), ofDays(365)),
          ofDays(1),
          c -> c.latency().hlogMaxFileAge());
  static final Setting<Integer> LATENCY_HLOG_MAX_FILES =
      Setting.of(
          "latency.hlog.maxFiles", Rules.integer(1, 1000), 7, c -> c.latency().hlogMaxFiles());

  static final Setting<Boolean> LATENCY_VISIBILITY_ENABLED =
      Setting.of(
          "latency.visibility.enabled", Rules.bool(), true, c -> c.latency().visible().enabled());
  static final Setting<Integer> LATENCY_VISIBILITY_SAMPLE_ONE_IN =
      Setting.of(
          "latency.visibility.sampleOneIn",
          Rules.integer(1, 1_000_000),
          10,
          c -> c.latency().visible().sampleOneIn());
  static final Setting<Integer> LATENCY_VISIBILITY_MAX_SEARCHES_PER_SECOND =
      Setting.of(
          "latency.visibility.maxSearchesPerSecond",
          Rules.integer(1, 1000),
          20,
          c -> c.latency().visible().maxSearchesPerSecond());
  static final Setting<Integer> LATENCY_VISIBILITY_MAX_PENDING =
      Setting.of(
          "latency.visibility.maxPending",
          Rules.integer(1, 1_000_000),
          10_000,
          c -> c.latency().visible().maxPending());
  static final Setting<Duration> LATENCY_VISIBILITY_GIVE_UP_AFTER =
      Setting.of(
          "latency.visibility.giveUpAfter",
          Rules.duration(ofSeconds(1), ofHours(1)),
          ofMinutes(2),
          c -> c.latency().visible().giveUpAfter());

  static final Setting<Boolean> RETENTION_ENABLED =
      Setting.of("retention.enabled", Rules.bool(), false, c -> c.retention().enabled());

  /** At least a minute: a bare number is milliseconds, and "30" must not remove everything. */
  static final Setting<Duration> RETENTION_PERIOD =
      Setting.of(
          "retention.period",
          Rules.duration(ofMinutes(1), ofDays(36_500)),
          ofDays(30),
          c -> c.retention().period());

  static final Setting<Duration> RETENTION_INTERVAL =
      Setting.of(
          "retention.interval",
          Rules.duration(ofSeconds(1), ofDays(1)),
          ofMinutes(1),
          c -> c.retention().interval());

  static final Setting<Integer> RETENTION_BATCH_SIZE =
      Setting.of(
          "retention.batchSize", Rules.integer(1, 10_000), 100, c -> c.retention().batchSize());

  static final Setting<Integer> RETENTION_MAX_DOCUMENTS_PER_RUN =
      Setting.of(
          "retention.maxDocumentsPerRun",
          Rules.integer(10, 20_000),
          5_000,
          c -> c.retention().maxDocumentsPerRun());

  /** Zeebe's snapshot period (5 min by default), three times over. */
  static final Setting<Duration> RETENTION_REPLAY_WINDOW =
      Setting.of(
          "retention.replayWindow",
          Rules.duration(ofMillis(0), ofDays(7)),
          ofMinutes(15),
          c -> c.retention().replayWindow());

  /** In the order errors and descriptions list them. */
  static final List<Setting<?>> ALL =
      List.of(
          CONNECT_URL,
          CONNECT_USERNAME,
          CONNECT_PASSWORD,
          CONNECT_API_KEY,
          CONNECT_REQUEST_TIMEOUT,
          CONNECT_TLS_CA_PATH,
          CONNECT_TLS_TRUST_STORE_PATH,
          CONNECT_TLS_TRUST_STORE_PASSWORD,
          INDEX_PREFIX,
          INDEX_NUMBER_OF_SHARDS,
          INDEX_NUMBER_OF_REPLICAS,
          INDEX_UPGRADE_PAGE_SIZE,
          BULK_SIZE,
          BULK_DELAY,
          BULK_MEMORY_LIMIT,
          BULK_MAX_IN_FLIGHT,
          BULK_LINGER,
          VISIBILITY_REFRESH,
          VISIBILITY_MIN_REFRESH_INTERVAL,
          VISIBILITY_MAX_REFRESH_LAG,
          RETRY_MAX_BACKOFF,
          VARIABLES_PREVIEW_SIZE,
          ERRORS_ON_REJECTED,
          LATENCY_HLOG_PATH,
          LATENCY_HLOG_INTERVAL,
          LATENCY_HLOG_MAX_FILE_SIZE,
          LATENCY_HLOG_MAX_FILE_AGE,
          LATENCY_HLOG_MAX_FILES,
          LATENCY_VISIBILITY_ENABLED,
          LATENCY_VISIBILITY_SAMPLE_ONE_IN,
          LATENCY_VISIBILITY_MAX_SEARCHES_PER_SECOND,
          LATENCY_VISIBILITY_MAX_PENDING,
          LATENCY_VISIBILITY_GIVE_UP_AFTER,
          IMPORTERS_CHECK_INTERVAL,
          IMPORTERS_POSITION_INDEX,
          IMPORTERS_RECORD_INDEX_PREFIX,
          RETENTION_ENABLED,
          RETENTION_PERIOD,
          RETENTION_INTERVAL,
          RETENTION_BATCH_SIZE,
          RETENTION_MAX_DOCUMENTS_PER_RUN,
          RETENTION_REPLAY_WINDOW);

  private Settings() {}

  /** The configuration from values that are all present and valid. */
  static ExporterConfig assemble(SettingValues v) {
    return new ExporterConfig(
        new ConnectConfig(
            v.get(CONNECT_URL),
            v.get(CONNECT_USERNAME),
            v.get(CONNECT_PASSWORD),
            v.get(CONNECT_API_KEY),
            v.get(CONNECT_REQUEST_TIMEOUT),
            new TlsConfig(
                v.get(CONNECT_TLS_CA_PATH),
                v.get(CONNECT_TLS_TRUST_STORE_PATH),
                v.get(CONNECT_TLS_TRUST_STORE_PASSWORD))),
        new IndexConfig(
            v.get(INDEX_PREFIX),
            v.get(INDEX_NUMBER_OF_SHARDS),
            v.get(INDEX_NUMBER_OF_REPLICAS),
            v.get(INDEX_UPGRADE_PAGE_SIZE)),
        new BulkConfig(
            v.get(BULK_SIZE),
            v.get(BULK_DELAY),
            v.get(BULK_MEMORY_LIMIT),
            v.get(BULK_MAX_IN_FLIGHT),
            v.get(BULK_LINGER)),
        new VisibilityConfig(
            v.get(VISIBILITY_REFRESH),
            v.get(VISIBILITY_MIN_REFRESH_INTERVAL),
            v.get(VISIBILITY_MAX_REFRESH_LAG)),
        new RetryConfig(v.get(RETRY_MAX_BACKOFF)),
        new VariablesConfig(v.get(VARIABLES_PREVIEW_SIZE)),
        new ErrorsConfig(v.get(ERRORS_ON_REJECTED)),
        new LatencyConfig(
            v.get(LATENCY_HLOG_PATH),
            v.get(LATENCY_HLOG_INTERVAL),
            v.get(LATENCY_HLOG_MAX_FILE_SIZE),
            v.get(LATENCY_HLOG_MAX_FILE_AGE),
            v.get(LATENCY_HLOG_MAX_FILES),
            new VisibleStageConfig(
                v.get(LATENCY_VISIBILITY_ENABLED),
                v.get(LATENCY_VISIBILITY_SAMPLE_ONE_IN),
                v.get(LATENCY_VISIBILITY_MAX_SEARCHES_PER_SECOND),
                v.get(LATENCY_VISIBILITY_MAX_PENDING),
                v.get(LATENCY_VISIBILITY_GIVE_UP_AFTER))),
        new ImportersConfig(
            v.get(IMPORTERS_CHECK_INTERVAL),
            v.get(IMPORTERS_POSITION_INDEX),
            v.get(IMPORTERS_RECORD_INDEX_PREFIX)),
        new RetentionConfig(
            v.get(RETENTION_ENABLED),
            v.get(RETENTION_PERIOD),
            v.get(RETENTION_INTERVAL),
            v.get(RETENTION_BATCH_SIZE),
            v.get(RETENTION_MAX_DOCUMENTS_PER_RUN),
            v.get(RETENTION_REPLAY_WINDOW)));
  }
}
