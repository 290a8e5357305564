package dev.sightline.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.exporter.testing.CapturingLogger;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.exporter.testing.TestCertificates;
import dev.sightline.exporter.testing.TestController;
import dev.sightline.it.support.AuthenticatingHttpsProxy;
import dev.sightline.it.support.Await;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.it.support.RealEngines;
import dev.sightline.probe.host.actor.VirtualClock;
import io.camunda.zeebe.protocol.record.Record;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with a custom CA, basic auth and API keys, through an HTTPS proxy that checks the
 * Authorization header (the embedded node has no security module). Credentials never appear in
 * logs, exceptions or metrics.
 */
@RealEngines
class SecureConnectionIT {

  private static final String PASSWORD = "s3cr3t-Pa55word";
  private static final String API_KEY =
      "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";

  @TempDir static Path dir;
  static TestCertificates certificates;

  @BeforeAll
  static void certificates() throws Exception {
    certificates = TestCertificates.create(dir);
  }

  private static List<Record<?>> records() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, 1_795_000_000_000L);
    var records = new ArrayList<Record<?>>(scenario.deploy());
    records.addAll(scenario.runToCompletion());
    return records;
  }

  /** Runs the exporter in-process against the proxy; returns what it logged. */
  private static CapturingLogger export(
      Map<String, Object> args, TestController controller, VirtualClock clock) {
    var log = new CapturingLogger();
    var context = ExporterHarness.context(args, 1, clock, log);
    // no two-hop importers here: nothing to wait for
    var exporter = new SightlineExporter(StoreFactory.ELASTICSEARCH);
    exporter.configure(context);
    exporter.open(controller);
    var records = records();
    records.forEach(exporter::export);
    Await.advanceUntilAcknowledged(
        controller, records.getLast().getPosition(), Duration.ofSeconds(5));
    exporter.close();
    assertThat(context.getMeterRegistry().getMeters())
        .allSatisfy(
            meter ->
                assertThat(meter.getId().toString())
                    .doesNotContain(PASSWORD)
                    .doesNotContain(API_KEY));
    return log;
  }

  @Test
  void shouldWriteThroughTlsWithACustomCaAndBasicAuth(EngineTarget es) throws Exception {
    var expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("sightline:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    try (var proxy =
        AuthenticatingHttpsProxy.start(
            es.url(), certificates.serverKeyStore(), TestCertificates.PASSWORD, expected)) {
      // given
      var clock = new VirtualClock(1_795_000_000_000L);
      var controller = new TestController(clock);
      var args =
          Map.<String, Object>of(
              "connect",
                  Map.of(
                      "url",
                      proxy.url().toString(),
                      "username",
                      "sightline",
                      "password",
                      PASSWORD,
                      "tls",
                      Map.of("caPath", certificates.caPem().toString())),
              "index", Map.of("prefix", es.indexPrefix()));

      // when
      var log = export(args, controller, clock);

      // then
      assertThat(controller.getLastExportedRecordPosition())
          .isEqualTo(records().getLast().getPosition());
      assertThat(proxy.seenAuthorizations()).isNotEmpty().allMatch(expected::equals);
      try (var client = EngineClient.open(es.url())) {
        client.refresh(es.indexPrefix() + "-*");
        assertThat(client.count(es.index("process-instance-v2"))).isEqualTo(2);
      }
      assertThat(log.all()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void shouldWriteThroughTlsWithATrustStoreAndAnApiKey(EngineTarget es) throws Exception {
    try (var proxy =
        AuthenticatingHttpsProxy.start(
            es.url(),
            certificates.serverKeyStore(),
            TestCertificates.PASSWORD,
            "ApiKey " + API_KEY)) {
      var clock = new VirtualClock(1_795_000_000_000L);
      var controller = new TestController(clock);
      var args =
          Map.<String, Object>of(
              "connect",
                  Map.of(
                      "url",
                      proxy.url().toString(),
                      "apiKey",
                      API_KEY,
                      "tls",
                      Map.of(
                          "trustStorePath",
                          certificates.caTrustStore().toString(),
                          "trustStorePassword",
                          TestCertificates.PASSWORD)),
              "index", Map.of("prefix", es.indexPrefix()));

      var log = export(args, controller, clock);

      assertThat(controller.getLastExportedRecordPosition())
          .isEqualTo(records().getLast().getPosition());
      assertThat(proxy.seenAuthorizations()).isNotEmpty().allMatch(("ApiKey " + API_KEY)::equals);
      assertThat(log.all()).doesNotContain(API_KEY).doesNotContain(TestCertificates.PASSWORD);
    }
  }

  @Test
  void shouldKeepTheBatchAndNeverRevealTheCredentialsWhenTheyAreRefused(EngineTarget es)
      throws Exception {
    try (var proxy =
        AuthenticatingHttpsProxy.start(
            es.url(),
            certificates.serverKeyStore(),
            TestCertificates.PASSWORD,
            "Basic something-else")) {
      var clock = new VirtualClock(1_795_000_000_000L);
      var controller = new TestController(clock);
      var args =
          Map.<String, Object>of(
              "connect",
                  Map.of(
                      "url",
                      proxy.url().toString(),
                      "username",
                      "sightline",
                      "password",
                      PASSWORD,
                      "tls",
                      Map.of("caPath", certificates.caPem().toString())),
              "index", Map.of("prefix", es.indexPrefix()));

      var log = export(args, controller, clock);

      assertThat(controller.acknowledgements())
          .as("nothing acknowledged when every request is refused")
          .isEmpty();
      assertThat(log.all()).contains("401").doesNotContain(PASSWORD);
      var encoded =
          Base64.getEncoder()
              .encodeToString(("sightline:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      assertThat(log.all()).doesNotContain(encoded);
    }
  }

  @Test
  void shouldRefuseAServerItsTrustDoesNotCover(EngineTarget es) throws Exception {
    var expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("sightline:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    try (var proxy =
        AuthenticatingHttpsProxy.start(
            es.url(), certificates.serverKeyStore(), TestCertificates.PASSWORD, expected)) {
      // given the JVM's default trust, which does not know the test CA
      var clock = new VirtualClock(1_795_000_000_000L);
      var controller = new TestController(clock);
      var args =
          Map.<String, Object>of(
              "connect",
                  Map.of(
                      "url", proxy.url().toString(), "username", "sightline", "password", PASSWORD),
              "index", Map.of("prefix", es.indexPrefix()));

      var log = export(args, controller, clock);

      assertThat(controller.acknowledgements()).isEmpty();
      assertThat(proxy.seenAuthorizations()).as("no request got through the handshake").isEmpty();
      assertThat(log.all()).containsIgnoringCase("certificat").doesNotContain(PASSWORD);
    }
  }
}
