package dev.sightline.exporter.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How to reach Elasticsearch: the nodes, the credentials (basic auth or an API key, never both) and
 * how long one request may take, and which certificate authorities to trust for {@code https}.
 * Validated by {@link ConfigParser}; the constructor only guards against nulls.
 *
 * @param urls the nodes, each {@code http(s)://host[:port][/path]} without a trailing slash; the
 *     parser accepts only URLs that share one path
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

  /** The nodes without their path: what a client connects to. */
  public List<URI> hosts() {
    return urls.stream()
        .map(url -> URI.create(url.getScheme() + "://" + url.getRawAuthority()))
        .toList();
  }

  /**
   * The path of the URLs ({@code /es} for {@code http://proxy:8080/es}), which a client puts before
   * every request path, as behind a reverse proxy; empty when the URLs have none. Taken from the
   * first URL: the parser refuses URLs whose paths differ.
   */
  public Optional<String> pathPrefix() {
    return urls.stream()
        .findFirst()
        .map(URI::getRawPath)
        .filter(path -> !path.isEmpty() && !path.equals("/"));
  }

  /**
   * One line for the broker's log when credentials would travel unencrypted: basic auth or an API
   * key with a plain {@code http://} URL. Names the settings and the URLs, never a secret.
   */
  public Optional<String> plainHttpCredentialsWarning() {
    var plain =
        urls.stream()
            .filter(url -> url.getScheme().equals("http"))
            .map(URI::toString)
            .collect(Collectors.joining(", "));
    if (plain.isEmpty() || username.isEmpty() && apiKey.isEmpty()) {
      return Optional.empty();
    }
    var credentials = apiKey.isPresent() ? "connect.apiKey" : "connect.username/connect.password";
    return Optional.of(
        "connect.url: "
            + plain
            + " is plain http, so the credentials of "
            + credentials
            + " travel unencrypted to Elasticsearch; use https:// URLs");
  }
}
