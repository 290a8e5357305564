package dev.sightline.exporter.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate authority and a server certificate it signed (for 127.0.0.1 and
 * localhost), made with the JDK's own {@code keytool}: no library, nothing checked in.
 *
 * @param caPem the CA certificate, PEM
 * @param serverKeyStore PKCS12 with the server key and its chain, password {@link #PASSWORD}
 * @param caTrustStore PKCS12 trust store with the CA certificate, password {@link #PASSWORD}
 */
public record TestCertificates(Path caPem, Path serverKeyStore, Path caTrustStore) {

  public static final String PASSWORD = "test-store-pass";

  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    var ca = dir.resolve("ca.p12");
    var server = dir.resolve("server.p12");
    var caPem = dir.resolve("ca.pem");
    var trust = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=Sightline Test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.toString(),
        "-storetype",
        "PKCS12");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-file",
        caPem.toString());
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        server.toString(),
        "-storetype",
        "PKCS12");
    var request = dir.resolve("server.csr");
    keytool(
        "-certreq",
        "-alias",
        "server",
        "-keystore",
        server.toString(),
        "-file",
        request.toString());
    var signed = dir.resolve("server.pem");
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-infile",
        request.toString(),
        "-outfile",
        signed.toString(),
        "-rfc",
        "-validity",
        "2",
        "-ext",
        "san=ip:127.0.0.1,dns:localhost");
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        caPem.toString(),
        "-keystore",
        server.toString());
    keytool(
        "-importcert",
        "-alias",
        "server",
        "-file",
        signed.toString(),
        "-keystore",
        server.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        caPem.toString(),
        "-keystore",
        trust.toString(),
        "-storetype",
        "PKCS12");
    return new TestCertificates(caPem, server, trust);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storepass", PASSWORD, "-keypass", PASSWORD));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }

  /** A file that exists but holds no certificate, for negative tests. */
  public static Path notACertificate(Path dir) throws IOException {
    return Files.writeString(dir.resolve("not-a-cert.pem"), "hello\n");
  }
}
