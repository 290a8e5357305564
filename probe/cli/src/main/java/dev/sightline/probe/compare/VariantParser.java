package dev.sightline.probe.compare;

import dev.sightline.exporter.config.ConfigError;
import dev.sightline.exporter.config.ConfigException;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.probe.compare.OtherExporter.WatchId;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one {@code --variant}:
 *
 * <ul>
 *   <li>{@code <name>[:<key>=<value>,…]}: a named variant ({@link NamedVariants}) with exporter
 *       settings on top of its own, checked with the exporter's own {@link ConfigParser}, so that a
 *       typo fails before anything starts;
 *   <li>{@code jar=<file>,class=<exporter
 *       class>,watch.index=<index>,watch.id=key|partition-position[,<key>=<value>,…]}: another
 *       exporter's jar ({@link OtherExporter}); its settings are its own, checked by its {@code
 *       configure} before the run ({@link VariantExporters#check}).
 * </ul>
 *
 * <p>Either takes {@code label=<label>}. A value runs to the next comma: values with commas cannot
 * be given.
 */
public final class VariantParser {

  static final String LABEL = "label";
  static final String JAR = "jar";
  static final String CLASS = "class";
  static final String WATCH_INDEX = "watch.index";
  static final String WATCH_ID = "watch.id";

  /** Keys of another exporter's variant that are the comparison's, not the exporter's. */
  static final Set<String> OTHER_KEYS = Set.of(JAR, CLASS, WATCH_INDEX, WATCH_ID);

  /** Settings the comparison gives the exporter itself: where it writes and its latency log. */
  static final List<String> SET_BY_THE_RUN =
      List.of("connect.url", "index.prefix", "latency.hlog.path", "latency.hlog.interval");

  private static final Pattern LABEL_RULE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
  private static final String LABEL_TEXT =
      "must be 1 to 40 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit";
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*");

  private VariantParser() {}

  /**
   * @throws InvalidVariantException naming the variant as given, the rule and the value
   */
  public static VariantSpec parse(String text) {
    var spec = text.strip();
    if (spec.toLowerCase(Locale.ROOT).startsWith(JAR + "=")) {
      return other(text, pairs(text, spec));
    }
    var colon = spec.indexOf(':');
    var name = colon < 0 ? spec : spec.substring(0, colon);
    var named =
        NamedVariants.byName(name)
            .orElseThrow(
                () ->
                    new InvalidVariantException(
                        "'%s' is not a variant (%s, each optionally with :key=value,…; or jar=<file>,class=<exporter class>,watch.index=…,watch.id=…)"
                            .formatted(text, NamedVariants.names())));
    var given =
        colon < 0 ? new LinkedHashMap<String, String>() : pairs(text, spec.substring(colon + 1));
    var label = label(text, given.remove(LABEL));
    for (var key : given.keySet()) {
      if (setByTheRun(key)) {
        throw invalid(
            text,
            "%s is set by the comparison (the node it watches, the run's own indices and latency log)"
                .formatted(key));
      }
    }
    // A setting given replaces the named variant's own; given twice, the exporter's parser says so.
    var settings = new LinkedHashMap<>(named.settings());
    settings
        .keySet()
        .removeIf(
            own -> given.keySet().stream().anyMatch(key -> canonical(key).equals(canonical(own))));
    settings.putAll(given);
    check(text, settings);
    var description =
        given.isEmpty()
            ? named.description()
            : named.description()
                + ", except "
                + given.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
    return new VariantSpec(
        named.name(), named.design(), description, settings, label, Optional.empty());
  }

  /**
   * {@code key=value,…} as an ordered map, for settings written in code ({@link NamedVariants}).
   *
   * @throws InvalidVariantException if a pair is malformed or a key given twice
   */
  static Map<String, String> settings(String pairs) {
    return pairs(pairs, pairs);
  }

  private static VariantSpec other(String text, LinkedHashMap<String, String> given) {
    var label = label(text, given.remove(LABEL));
    var jarText = required(text, given, JAR, "the exporter's jar file");
    Path jar;
    try {
      jar = Path.of(jarText);
    } catch (InvalidPathException e) {
      throw invalid(text, "jar: must be a path, but was '%s'".formatted(jarText));
    }
    if (!Files.isRegularFile(jar)) {
      throw invalid(text, "jar: must be an exporter jar file, but was '%s'".formatted(jarText));
    }
    var className = required(text, given, CLASS, "the exporter class in the jar");
    if (!CLASS_NAME.matcher(className).matches()) {
      throw invalid(text, "class: must be a Java class name, but was '%s'".formatted(className));
    }
    var watchIndex =
        required(text, given, WATCH_INDEX, "the index (alias, pattern) of its process instances");
    if (!watchIndex.contains(OtherExporter.PREFIX)) {
      throw invalid(
          text,
          ("watch.index: must contain %s, the run's own index prefix (give the exporter the same,"
                  + " e.g. index.prefix=%s), so that no earlier run's documents are found, but was '%s'")
              .formatted(OtherExporter.PREFIX, OtherExporter.PREFIX, watchIndex));
    }
    WatchId watchId;
    try {
      watchId = WatchId.parse(required(text, given, WATCH_ID, "key or partition-position"));
    } catch (IllegalArgumentException e) {
      throw invalid(text, WATCH_ID + ": " + e.getMessage());
    }
    try {
      ExporterArgs.nested(given);
    } catch (IllegalArgumentException e) {
      throw invalid(text, e.getMessage());
    }
    return new VariantSpec(
        labelBase(jar),
        Design.OTHER,
        "%s from %s".formatted(className, jar.getFileName()),
        given,
        label,
        Optional.of(new OtherExporter(jar, className, watchIndex, watchId)));
  }

  private static String required(String text, Map<String, String> given, String key, String what) {
    var value = given.get(key);
    if (value == null) {
      throw invalid(text, "%s: missing (%s)".formatted(key, what));
    }
    return value;
  }

  private static LinkedHashMap<String, String> pairs(String text, String pairs) {
    var map = new LinkedHashMap<String, String>();
    for (var pair : pairs.split(",", -1)) {
      var equals = pair.indexOf('=');
      if (equals <= 0 || equals == pair.length() - 1 || pair.isBlank()) {
        throw invalid(text, "'%s' is not key=value".formatted(pair));
      }
      var key = pair.substring(0, equals).strip();
      if (map.put(key, pair.substring(equals + 1)) != null) {
        throw invalid(text, "%s: must be given only once".formatted(key));
      }
    }
    return map;
  }

  private static Optional<String> label(String text, String label) {
    if (label == null) {
      return Optional.empty();
    }
    if (!LABEL_RULE.matcher(label).matches()) {
      throw invalid(text, "label: %s, but was '%s'".formatted(LABEL_TEXT, label));
    }
    return Optional.of(label);
  }

  /** The jar's file name as a label: {@code zeebe-elasticsearch-exporter-8.8.0}. */
  private static String labelBase(Path jar) {
    var name =
        jar.getFileName()
            .toString()
            .replaceFirst("(?i)\\.jar$", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceFirst("^[._-]+", "");
    name = name.substring(0, Math.min(name.length(), 40));
    return name.isEmpty() ? "other" : name;
  }

  private static void check(String text, Map<String, String> settings) {
    try {
      ConfigParser.parse(settings);
    } catch (ConfigException e) {
      throw invalid(
          text, e.errors().stream().map(ConfigError::message).collect(Collectors.joining("; ")));
    }
  }

  /** The key, or one item of it ({@code connect.url[0]}, {@code connect.url.0}). */
  private static boolean setByTheRun(String key) {
    var canonical = canonical(key);
    return SET_BY_THE_RUN.stream()
        .anyMatch(
            own ->
                canonical.equals(own)
                    || canonical.startsWith(own + "[")
                    || canonical.startsWith(own + "."));
  }

  /** As the exporter matches keys: case-insensitive, ignoring {@code -} and {@code _}. */
  static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  private static InvalidVariantException invalid(String text, String reason) {
    return new InvalidVariantException("'%s' is not a valid variant: %s".formatted(text, reason));
  }
}
