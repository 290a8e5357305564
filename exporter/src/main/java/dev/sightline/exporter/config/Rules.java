package dev.sightline.exporter.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The kinds of value a setting can have, each with its range in the rule text. */
final class Rules {

  private static final String NONE = "(none)";

  private Rules() {}

  static Rule<Integer> integer(int min, int max) {
    return Rule.of(
        "must be an integer between " + min + " and " + max,
        raw -> within(Integers.parse(raw), min, max),
        String::valueOf);
  }

  /** {@code true} or {@code false}, any case: YAML's booleans and environment variables' text. */
  static Rule<Boolean> bool() {
    return Rule.of(
        "must be true or false",
        raw -> {
          var text = Texts.scalar(raw).trim();
          if (text.equalsIgnoreCase("true")) {
            return true;
          }
          if (text.equalsIgnoreCase("false")) {
            return false;
          }
          throw new IllegalArgumentException("not a boolean: " + raw);
        },
        String::valueOf);
  }

  static Rule<Duration> duration(Duration min, Duration max) {
    return Rule.of(
        "must be a duration between " + Durations.format(min) + " and " + Durations.format(max),
        raw -> within(Durations.parse(raw), min, max),
        Durations::format);
  }

  static Rule<Long> byteSize(long min, long max) {
    return Rule.of(
        "must be a byte size between " + ByteSizes.format(min) + " and " + ByteSizes.format(max),
        raw -> within(ByteSizes.parse(raw), min, max),
        ByteSizes::format);
  }

  static Rule<List<URI>> httpUrls() {
    return Rule.of(
            "must be one or more http(s) URLs with a host and no user info, query or fragment",
            HttpUrls::parse,
            (List<URI> urls) -> urls.stream().map(URI::toString).collect(Collectors.joining(",")))
        .shownAs(HttpUrls::redact);
  }

  static Rule<String> indexPrefix() {
    return Rule.of(
        "must be 1 to "
            + IndexPrefixes.MAX_LENGTH
            + " lowercase characters without \\ / * ? \" < > | , # : or"
            + " space, not starting with - _ + and not . or ..",
        raw -> {
          var prefix = Texts.scalar(raw);
          if (!IndexPrefixes.isValid(prefix)) {
            throw new IllegalArgumentException("not an index-name prefix: " + prefix);
          }
          return prefix;
        },
        String::valueOf);
  }

  /** One or more index names or wildcard patterns, as a list or comma-separated. */
  static Rule<List<String>> indexPatterns() {
    return Rule.of(
        "must be one or more index names or * patterns, each 1 to "
            + IndexPrefixes.MAX_LENGTH
            + " lowercase characters without \\ / ? \" < > | , # : or space, not starting with"
            + " - _ + and not . or ..",
        raw -> {
          var patterns = Texts.list(raw);
          if (patterns.isEmpty() || !patterns.stream().allMatch(IndexPrefixes::isValidPattern)) {
            throw new IllegalArgumentException("not index names or patterns: " + raw);
          }
          return patterns;
        },
        (List<String> patterns) -> String.join(",", patterns));
  }

  /**
   * Text that may be left out; blank counts as left out (a templated {@code ""} means "not set").
   */
  static Rule<Optional<String>> optionalText() {
    return Rule.of(
        "must be text",
        raw -> Optional.of(Texts.scalar(raw)).filter(Predicate.not(String::isBlank)),
        (Optional<String> text) -> text.orElse(NONE));
  }

  /**
   * Like {@link #optionalText()}, but never shown: {@code ***} in descriptions and error messages.
   */
  static Rule<Optional<Secret>> optionalSecret() {
    return Rule.of(
            "must be text",
            raw ->
                Optional.of(Texts.scalar(raw))
                    .filter(Predicate.not(String::isBlank))
                    .map(Secret::new),
            (Optional<Secret> secret) -> secret.map(Secret::toString).orElse(NONE))
        .shownAs(raw -> Secret.MASK);
  }

  static Rule<RefreshPolicy> refreshPolicy() {
    return Rule.of(
        "must be one of engine, after-bulk",
        raw -> RefreshPolicy.parse(Texts.scalar(raw)),
        RefreshPolicy::text);
  }

  static Rule<RejectionPolicy> rejectionPolicy() {
    return Rule.of(
        "must be one of block, dead-letter",
        raw -> RejectionPolicy.parse(Texts.scalar(raw)),
        RejectionPolicy::text);
  }

  /** The path of a readable file, or left out. */
  static Rule<Optional<java.nio.file.Path>> optionalFile() {
    return Rule.of(
        "must be the path of a readable file",
        raw -> {
          var text = Texts.scalar(raw);
          if (text.isBlank()) {
            return Optional.empty();
          }
          var path = java.nio.file.Path.of(text);
          if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
            throw new IllegalArgumentException("not a readable file: " + path);
          }
          return Optional.of(path);
        },
        (Optional<java.nio.file.Path> path) -> path.map(Object::toString).orElse(NONE));
  }

  /** A file-system path that may be left out; blank counts as left out. */
  static Rule<Optional<Path>> optionalPath() {
    return Rule.of(
        "must be a file-system path",
        raw ->
            Optional.of(Texts.scalar(raw))
                .filter(Predicate.not(String::isBlank))
                .map(String::trim)
                .map(Path::of),
        (Optional<Path> path) -> path.map(Path::toString).orElse(NONE));
  }

  private static <T extends Comparable<T>> T within(T value, T min, T max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
    }
    return value;
  }
}
