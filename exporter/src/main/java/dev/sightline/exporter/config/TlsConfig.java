package dev.sightline.exporter.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which certificate authorities to trust for {@code https} URLs, besides the JVM's defaults being
 * replaced: a PEM file of CA certificates, or a trust store (PKCS12 or JKS) with its password.
 * Neither: the JVM's default trust.
 */
public record TlsConfig(
    Optional<Path> caPath, Optional<Path> trustStorePath, Optional<Secret> trustStorePassword) {

  public TlsConfig {
    Objects.requireNonNull(caPath, "caPath");
    Objects.requireNonNull(trustStorePath, "trustStorePath");
    Objects.requireNonNull(trustStorePassword, "trustStorePassword");
  }

  public static TlsConfig none() {
    return new TlsConfig(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isCustom() {
    return caPath.isPresent() || trustStorePath.isPresent();
  }
}
