package dev.sightline.exporter.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the Elasticsearch node URLs. Credentials inside a URL are refused (they belong in {@code
 * connect.username}/{@code connect.password}, where they are masked), and so are a query and a
 * fragment, which the client would ignore. Trailing slashes are dropped, so {@code http://es:9200/}
 * and {@code http://es:9200} are the same node.
 */
final class HttpUrls {

  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s,]*@");

  private HttpUrls() {}

  /**
   * @throws IllegalArgumentException unless the value holds one or more http(s) URLs with a host
   */
  static List<URI> parse(Object raw) {
    var items = Texts.list(raw);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no URL given");
    }
    return items.stream().map(HttpUrls::parseOne).toList();
  }

  /** The raw value as it may be shown: user info (a password, maybe) replaced by {@code ***}. */
  static String redact(Object raw) {
    return USER_INFO.matcher(String.valueOf(raw)).replaceAll("***@");
  }

  private static URI parseOne(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + redact(text), e);
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("not a plain http(s) URL with a host: " + redact(text));
    }
    var path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("/+$", "");
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }
}
