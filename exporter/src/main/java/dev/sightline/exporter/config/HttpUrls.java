package dev.sightline.exporter.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the Elasticsearch node URLs. Credentials inside a URL are refused (they belong in {@code
 * connect.username}/{@code connect.password}, where they are masked), and so are a query and a
 * fragment, which the client would ignore. Trailing slashes are dropped, so {@code http://es:9200/}
 * and {@code http://es:9200} are the same node.
 */
final class HttpUrls {

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

  /**
   * The raw value as it may be shown: whatever may be user info (a password, maybe) replaced by
   * {@code ***}. A mistyped password can hold {@code @ / ,} or spaces, so no URL syntax is trusted:
   * in each item, everything between the scheme's {@code ://} (or the start) and the last {@code @}
   * is hidden — with a host or two more than needed, when several URLs share one string.
   */
  static String redact(Object raw) {
    if (raw instanceof List<?> items) {
      return items.stream().map(HttpUrls::redactItem).collect(Collectors.joining(", ", "[", "]"));
    }
    return redactItem(raw);
  }

  private static String redactItem(Object item) {
    var text = String.valueOf(item);
    var lastAt = text.lastIndexOf('@');
    if (lastAt < 0) {
      return text;
    }
    var scheme = text.indexOf("://");
    var start = scheme >= 0 && scheme < lastAt ? scheme + 3 : 0;
    return text.substring(0, start) + Secret.MASK + text.substring(lastAt);
  }

  private static URI parseOne(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      // Not chained: the cause's message repeats the text unredacted.
      throw new IllegalArgumentException("not a URL: " + redact(text));
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
