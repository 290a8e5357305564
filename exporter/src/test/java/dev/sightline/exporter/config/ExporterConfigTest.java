package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExporterConfigTest {

  @Test
  void shouldWarnOfCredentialsOverPlainHttpNamingTheUrlsButNoSecret() {
    // given basic auth, and an API key, to one http and one https node
    var basic =
        ConfigParser.parse(
            Map.of(
                "connect",
                Map.of(
                    "url",
                    "http://es1:9200,https://es2:9243",
                    "username",
                    "elastic",
                    "password",
                    "hunter2")));
    var apiKey =
        ConfigParser.parse(
            Map.of("connect", Map.of("url", "http://es1:9200", "apiKey", "c2VjcmV0LWtleQ==")));
    // when
    var basicWarnings = basic.warnings();
    var apiKeyWarnings = apiKey.warnings();
    // then
    assertThat(basicWarnings)
        .containsExactly(
            "connect.url: http://es1:9200 is plain http, so the credentials of"
                + " connect.username/connect.password travel unencrypted to Elasticsearch; use"
                + " https:// URLs");
    assertThat(apiKeyWarnings)
        .containsExactly(
            "connect.url: http://es1:9200 is plain http, so the credentials of connect.apiKey"
                + " travel unencrypted to Elasticsearch; use https:// URLs");
  }

  @Test
  void shouldNotWarnOverHttpsOrWithoutCredentials() {
    // given
    var https =
        ConfigParser.parse(
            Map.of(
                "connect",
                Map.of("url", "https://es:9243", "username", "elastic", "password", "hunter2")));
    var anonymous = ExporterConfig.defaults();
    // when / then
    assertThat(https.warnings()).isEmpty();
    assertThat(anonymous.warnings()).isEmpty();
  }

  @Test
  void shouldDescribeTheDefaultsInTheKeysAndUnitsOperatorsWrite() {
    // given
    var config = ExporterConfig.defaults();
    // when
    var description = config.describe();
    // then
    assertThat(description)
        .isEqualTo(
            """
            connect.url = http://localhost:9200
            connect.username = (none)
            connect.password = (none)
            connect.apiKey = (none)
            connect.requestTimeout = 30s
            connect.tls.caPath = (none)
            connect.tls.trustStorePath = (none)
            connect.tls.trustStorePassword = (none)
            index.prefix = sightline
            index.numberOfShards = 1
            index.numberOfReplicas = 0
            index.upgradePageSize = 500
            bulk.size = 1000
            bulk.delay = 1s
            bulk.memoryLimit = 20MB
            bulk.maxInFlight = 2
            bulk.linger = 0ms
            visibility.refresh = after-bulk
            visibility.minRefreshInterval = 30ms
            visibility.maxRefreshLag = 1s
            retry.maxBackoff = 10s
            variables.previewSize = 8191
            errors.onRejected = dead-letter
            latency.hlog.path = (none)
            latency.hlog.interval = 10s
            latency.hlog.maxFileSize = 32MB
            latency.hlog.maxFileAge = 1d
            latency.hlog.maxFiles = 7
            latency.visibility.enabled = true
            latency.visibility.sampleOneIn = 10
            latency.visibility.maxSearchesPerSecond = 20
            latency.visibility.maxPending = 10000
            latency.visibility.giveUpAfter = 2m
            importers.checkInterval = 10s
            importers.positionIndex = operate-import-position*,tasklist-import-position*
            importers.recordIndexPrefix = zeebe-record
            retention.enabled = false
            retention.period = 30d
            retention.interval = 1m
            retention.batchSize = 100
            retention.maxDocumentsPerRun = 5000
            retention.replayWindow = 15m""");
  }

  @Test
  void shouldPrintARecordStringWithSecretsMasked() {
    // given
    var config =
        ConfigParser.parse(
            Map.of(
                "connect",
                Map.of(
                    "url",
                    "http://es1:9200,http://es2:9200",
                    "username",
                    "elastic",
                    "password",
                    "hunter2"),
                "bulk.memoryLimit",
                "1MB"));
    // when
    var text = config.toString();
    // then
    assertThat(text)
        .isEqualTo(
            "ExporterConfig[connect=ConnectConfig[urls=[http://es1:9200, http://es2:9200], username=Optional[elastic],"
                + " password=Optional[***], apiKey=Optional.empty, requestTimeout=PT30S,"
                + " tls=TlsConfig[caPath=Optional.empty, trustStorePath=Optional.empty, trustStorePassword=Optional.empty]],"
                + " index=IndexConfig[prefix=sightline, numberOfShards=1, numberOfReplicas=0, upgradePageSize=500],"
                + " bulk=BulkConfig[size=1000, delay=PT1S, memoryLimitBytes=1048576, maxInFlight=2,"
                + " linger=PT0S],"
                + " visibility=VisibilityConfig[refresh=AFTER_BULK, minRefreshInterval=PT0.03S,"
                + " maxRefreshLag=PT1S],"
                + " retry=RetryConfig[maxBackoff=PT10S], variables=VariablesConfig[previewSize=8191],"
                + " errors=ErrorsConfig[onRejected=DEAD_LETTER], latency=LatencyConfig[hlogPath=Optional.empty, hlogInterval=PT10S,"
                + " hlogMaxFileSizeBytes=33554432, hlogMaxFileAge=PT24H, hlogMaxFiles=7,"
                + " visible=VisibleStageConfig[enabled=true, sampleOneIn=10, maxSearchesPerSecond=20,"
                + " maxPending=10000, giveUpAfter=PT2M]],"
                + " importers=ImportersConfig[checkInterval=PT10S, positionIndices=[operate-import-position*,"
                + " tasklist-import-position*],"
                + " recordIndexPrefix=zeebe-record],"
                + " retention=RetentionConfig[enabled=false, period=PT720H, interval=PT1M,"
                + " batchSize=100, maxDocumentsPerRun=5000, replayWindow=PT15M]]");
  }
}
