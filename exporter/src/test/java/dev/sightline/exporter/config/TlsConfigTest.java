package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.testing.TestCertificates;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsConfigTest {

  @TempDir static Path dir;
  static TestCertificates certificates;

  @BeforeAll
  static void createCertificates() throws Exception {
    certificates = TestCertificates.create(dir);
  }

  @Test
  void shouldAcceptAPemCertificateAuthority() {
    var config = ConfigParser.parse(Map.of("connect.tls.caPath", certificates.caPem().toString()));

    assertThat(config.connect().tls().caPath()).contains(certificates.caPem());
    assertThat(TlsTrust.sslContext(config.connect().tls()).getProtocol()).isEqualTo("TLS");
  }

  @Test
  void shouldAcceptATrustStoreWithItsPasswordAndNeverShowThePassword() {
    var config =
        ConfigParser.parse(
            Map.of(
                "connect.tls.trustStorePath",
                certificates.caTrustStore().toString(),
                "connect.tls.trustStorePassword",
                TestCertificates.PASSWORD));

    assertThat(config.connect().tls().trustStorePath()).contains(certificates.caTrustStore());
    assertThat(config.toString()).doesNotContain(TestCertificates.PASSWORD);
    assertThat(config.describe())
        .contains("connect.tls.trustStorePassword = ***")
        .doesNotContain(TestCertificates.PASSWORD);
  }

  @Test
  void shouldNameTheSettingWhenTheFileIsNotACertificate() throws Exception {
    var bad = TestCertificates.notACertificate(dir);

    assertThatThrownBy(() -> ConfigParser.parse(Map.of("connect.tls.caPath", bad.toString())))
        .hasMessageContaining(
            "connect.tls.caPath: must be a PEM file with one or more X.509 certificates, but was '"
                + bad
                + "'");
  }

  @Test
  void shouldNameTheSettingWhenTheFileDoesNotExist() {
    assertThatThrownBy(() -> ConfigParser.parse(Map.of("connect.tls.caPath", "/no/such/ca.pem")))
        .hasMessageContaining(
            "connect.tls.caPath: must be the path of a readable file, but was '/no/such/ca.pem'");
  }

  @Test
  void shouldRefuseAWrongTrustStorePasswordWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                ConfigParser.parse(
                    Map.of(
                        "connect.tls.trustStorePath",
                        certificates.caTrustStore().toString(),
                        "connect.tls.trustStorePassword",
                        "wrong-secret")))
        .hasMessageContaining(
            "connect.tls.trustStorePath: must be a PKCS12 or JKS trust store that opens with connect.tls.trustStorePassword")
        .hasMessageNotContaining("wrong-secret");
  }

  @Test
  void shouldRefuseBothAPemFileAndATrustStore() {
    assertThatThrownBy(
            () ->
                ConfigParser.parse(
                    Map.of(
                        "connect.tls.caPath", certificates.caPem().toString(),
                        "connect.tls.trustStorePath", certificates.caTrustStore().toString())))
        .hasMessageContaining(
            "connect.tls.trustStorePath: must not be given together with connect.tls.caPath");
  }
}
