package dev.sightline.exporter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads the configured trust (a PEM CA file or a trust store) into an {@link SSLContext}. Used when
 * the configuration is read — so a bad file fails the broker's start with the setting's name — and
 * again when the client is built.
 */
public final class TlsTrust {

  private TlsTrust() {}

  /** The JVM's default context when nothing is configured. */
  public static SSLContext sslContext(TlsConfig tls) {
    try {
      if (!tls.isCustom()) {
        return SSLContext.getDefault();
      }
      var trustStore =
          tls.caPath().isPresent()
              ? fromPem(tls.caPath().get())
              : fromStore(
                  tls.trustStorePath().get(),
                  tls.trustStorePassword().map(Secret::reveal).orElse(""));
      var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore);
      var context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot load the configured trust: " + e.getMessage(), e);
    }
  }

  /** A key store holding every certificate of a PEM file; fails if there is none. */
  static KeyStore fromPem(Path pem) throws GeneralSecurityException, IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new GeneralSecurityException("no certificate in " + pem);
      }
      var store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      var n = 0;
      for (var certificate : certificates) {
        store.setCertificateEntry("ca-" + n++, (X509Certificate) certificate);
      }
      return store;
    }
  }

  /** A PKCS12 or JKS trust store (the type is detected). */
  static KeyStore fromStore(Path path, String password)
      throws GeneralSecurityException, IOException {
    return KeyStore.getInstance(path.toFile(), password.toCharArray());
  }
}
