package dev.sightline.probe.cli;

import dev.sightline.exporter.config.Durations;
import dev.sightline.probe.compare.Design;
import dev.sightline.probe.compare.InvalidVariantException;
import dev.sightline.probe.compare.NamedVariants;
import dev.sightline.probe.compare.VariantParser;
import dev.sightline.probe.compare.VariantSpec;
import dev.sightline.probe.es.ElasticsearchCluster;
import dev.sightline.probe.es.Engine;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The option types of the commands, checked while the command line is parsed: a bad value is a
 * usage error (exit 2) whose message picocli starts with the option ({@code Invalid value for
 * option '--duration': }) and these converters end with the value and the rule ({@code '5x' is not
 * a duration (examples: 90s, 2m, 500ms)}).
 */
final class Converters {

  private Converters() {}

  private static Duration duration(String text, String rule, String examples) {
    Duration duration;
    try {
      duration = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'%s' is not a duration (examples: %s)".formatted(text, examples));
    }
    if (duration.isNegative() || (rule.equals("> 0") && duration.isZero())) {
      throw new TypeConversionException(
          "'%s' is not a duration %s (examples: %s)".formatted(text, rule, examples));
    }
    return duration;
  }

  /** A duration above zero: 90s, 2m, 500ms, PT1M. */
  static final class PositiveDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      return duration(text, "> 0", "90s, 2m, 500ms");
    }
  }

  /** A duration of zero or more. */
  static final class NonNegativeDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      return duration(text, ">= 0", "0s, 15s, 100ms");
    }
  }

  private static double number(String text, String rule) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'%s' is not a number %s".formatted(text, rule));
    }
  }

  /** A finite number above zero, e.g. a rate. */
  static final class PositiveNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      var value = number(text, "> 0");
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new TypeConversionException("'%s' is not a number > 0".formatted(text));
      }
      return value;
    }
  }

  /** A fraction from 0 to 1. */
  static final class Fraction implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      var value = number(text, "from 0 to 1");
      if (!(value >= 0 && value <= 1)) {
        throw new TypeConversionException(
            "'%s' is not a number from 0 to 1 (e.g. 0.01)".formatted(text));
      }
      return value;
    }
  }

  private static int wholeNumber(String text, int min, int max, String rule) {
    try {
      var value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new TypeConversionException("'%s' is not a whole number %s".formatted(text, rule));
  }

  /** A whole number of 1 or more (a count). */
  static final class AtLeastOne implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 1, Integer.MAX_VALUE, ">= 1");
    }
  }

  /** A whole number of 0 or more (a size). */
  static final class NotNegative implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 0, Integer.MAX_VALUE, ">= 0");
    }
  }

  /** A partition id or count: Zeebe's partition ids are 1 to 8191 (13 bits of a key). */
  static final class Partition implements ITypeConverter<Integer> {
    static final int MAX = 8191;

    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 1, MAX, "from 1 to " + MAX);
    }
  }

  /**
   * An Elasticsearch or OpenSearch node's URL: http or https, with a host. Options taking a
   * cluster's nodes split their value at commas ({@code split = ","}) and convert each URL here.
   */
  static final class HttpUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String text) {
      try {
        var uri = new URI(text);
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // the message below says what is expected
      }
      throw new TypeConversionException(
          "'%s' is not an http(s) URL with a host (example: http://127.0.0.1:9200)"
              .formatted(text));
    }
  }

  /**
   * The nodes a command starts ({@code es}, {@code compare}, {@code run}, {@code throughput}): from
   * 1 to {@link ElasticsearchCluster#MAX_NODES}.
   */
  static final class NodeCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return wholeNumber(
          text, 1, ElasticsearchCluster.MAX_NODES, "from 1 to " + ElasticsearchCluster.MAX_NODES);
    }
  }

  /** {@code elasticsearch} or {@code opensearch}. */
  static final class EngineName implements ITypeConverter<Engine> {
    @Override
    public Engine convert(String text) {
      try {
        return Engine.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'%s' is not a supported engine (%s)"
                .formatted(
                    text,
                    Arrays.stream(Engine.values())
                        .map(Engine::id)
                        .collect(Collectors.joining(" or "))));
      }
    }
  }

  /**
   * A variant and its exporter settings ({@link VariantParser}): {@code direct:bulk.delay=200ms},
   * {@code jar=x.jar,class=…}. Settings of Sightline's and the record-index exporter are checked
   * with the exporter's own parser here.
   */
  static final class VariantOption implements ITypeConverter<VariantSpec> {
    @Override
    public VariantSpec convert(String text) {
      try {
        return VariantParser.parse(text);
      } catch (InvalidVariantException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A variant of Sightline's exporter: what {@code throughput} measures against a raw bulk. */
  static final class DirectVariantOption implements ITypeConverter<VariantSpec> {
    @Override
    public VariantSpec convert(String text) {
      var spec = new VariantOption().convert(text);
      if (spec.design() != Design.DIRECT) {
        throw new TypeConversionException(
            ("'%s' is not a variant of Sightline's exporter (%s, each optionally with"
                    + " :key=value,…): the raw bulk it is measured against is of Sightline's"
                    + " documents")
                .formatted(
                    text,
                    NamedVariants.ALL.stream()
                        .filter(named -> named.design() == Design.DIRECT)
                        .map(VariantSpec::name)
                        .collect(Collectors.joining(", "))));
      }
      return spec;
    }
  }

  /** A JVM heap size as {@code -Xmx} takes it: 512m, 1g. */
  static final class HeapSize implements ITypeConverter<String> {
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");

    @Override
    public String convert(String text) {
      if (!HEAP.matcher(text).matches()) {
        throw new TypeConversionException(
            "'%s' is not a heap size (examples: 512m, 1g)".formatted(text));
      }
      return text;
    }
  }

  /** A file that exists, such as an exporter jar. */
  static final class ExistingFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
      var path = path(text);
      if (!Files.isRegularFile(path)) {
        throw new TypeConversionException("'%s' is not a file".formatted(text));
      }
      return path;
    }
  }

  /** A run folder: a directory holding the {@code summary.json} a comparison wrote. */
  static final class RunFolder implements ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
      var path = path(text);
      if (!Files.isRegularFile(path.resolve("summary.json"))) {
        throw new TypeConversionException(
            "'%s' is not a run folder (it holds no summary.json; runs are in target/sightline/)"
                .formatted(text));
      }
      return path;
    }
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'%s' is not a path: %s".formatted(text, e.getReason()));
    }
  }
}
