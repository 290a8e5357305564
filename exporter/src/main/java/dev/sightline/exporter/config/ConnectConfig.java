package dev.sightline.exporter.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Elasticsearch: the nodes, the credentials (basic auth or an API key, never both) and
 * how long one request may take, and which certificate authorities to trust for {@code https}.
 * Validated by {@link ConfigParser}; the constructor only guards against nulls.
 *
 * @param urls the nodes, each {@code http(s)://host[:port][/path]} without a trailing slash
 */
public record ConnectConfig(
    List<URI> urls,
    Optional<String> username,
    Optional<Secret> password,
    Optional<Secret> apiKey,
    Duration requestTimeout,
    TlsConfig tls) {

  public ConnectConfig {
    urls = List.copyOf(urls);
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(tls, "tls");
  }

  /** Without custom TLS trust. */
  public ConnectConfig(
      List<URI> urls,
      Optional<String> username,
      Optional<Secret> password,
      Optional<Secret> apiKey,
      Duration requestTimeout) {
    this(urls, username, password, apiKey, requestTimeout, TlsConfig.none());
  }
}
