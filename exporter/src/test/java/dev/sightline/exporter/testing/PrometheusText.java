package dev.sightline.exporter.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scrape in Prometheus's text exposition format (0.0.4), read into samples and the families'
 * {@code # HELP} and {@code # TYPE} lines: what a dashboard's queries can name.
 */
public final class PrometheusText {

  /** One line of data: the series' name, its labels, its value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /** A metric family: the name its {@code # TYPE} line gives, its type and help text. */
  public record Family(String name, String type, String help) {}

  private final String text;
  private final List<Sample> samples;
  private final Map<String, Family> families;

  private PrometheusText(String text, List<Sample> samples, Map<String, Family> families) {
    this.text = text;
    this.samples = List.copyOf(samples);
    this.families = Collections.unmodifiableMap(families);
  }

  /**
   * @throws IllegalArgumentException naming the line that is not in the format
   */
  public static PrometheusText parse(String text) {
    var samples = new ArrayList<Sample>();
    var help = new TreeMap<String, String>();
    var types = new TreeMap<String, String>();
    for (var line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# HELP ")) {
        var rest = line.substring("# HELP ".length());
        var space = rest.indexOf(' ');
        help.put(rest.substring(0, space), rest.substring(space + 1));
      } else if (line.startsWith("# TYPE ")) {
        var parts = line.substring("# TYPE ".length()).split(" ");
        types.put(parts[0], parts[1]);
      } else if (!line.startsWith("#")) {
        samples.add(sample(line));
      }
    }
    var families = new TreeMap<String, Family>();
    types.forEach((name, type) -> families.put(name, new Family(name, type, help.get(name))));
    return new PrometheusText(text, samples, families);
  }

  public String text() {
    return text;
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Every series name, e.g. {@code sightline_exporter_dead_letters_total}. */
  public Set<String> names() {
    var names = new TreeSet<String>();
    samples.forEach(sample -> names.add(sample.name()));
    return names;
  }

  /** The label names any series of this name has. */
  public Set<String> labelNames(String name) {
    var names = new TreeSet<String>();
    samples.stream()
        .filter(sample -> sample.name().equals(name))
        .forEach(sample -> names.addAll(sample.labels().keySet()));
    return names;
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).toList();
  }

  /**
   * The family a series belongs to: the family of that name, else the one it extends by a suffix of
   * its type ({@code _total}, {@code _count}, {@code _sum}, {@code _bucket}).
   */
  public Optional<Family> family(String name) {
    if (families.containsKey(name)) {
      return Optional.of(families.get(name));
    }
    for (var suffix : List.of("_total", "_count", "_sum", "_bucket")) {
      if (name.endsWith(suffix)) {
        var family = families.get(name.substring(0, name.length() - suffix.length()));
        if (family != null) {
          return Optional.of(family);
        }
      }
    }
    return Optional.empty();
  }

  /** {@code name{a="x",b="y"} 1.0 [timestamp]}; label values may escape {@code \\ \" \n}. */
  private static Sample sample(String line) {
    var brace = line.indexOf('{');
    var space = line.indexOf(' ');
    if (brace < 0 || (space >= 0 && space < brace)) {
      var parts = line.split(" ");
      return new Sample(parts[0], Map.of(), value(parts[1], line));
    }
    var labels = new LinkedHashMap<String, String>();
    var i = brace + 1;
    while (line.charAt(i) != '}') {
      var equals = line.indexOf('=', i);
      var labelName = line.substring(i, equals);
      if (line.charAt(equals + 1) != '"') {
        throw new IllegalArgumentException("Not a label value at " + equals + ": " + line);
      }
      var value = new StringBuilder();
      var j = equals + 2;
      for (; line.charAt(j) != '"'; j++) {
        var c = line.charAt(j);
        if (c == '\\') {
          j++;
          var escaped = line.charAt(j);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      labels.put(labelName, value.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    var rest = line.substring(i + 1).strip().split(" ");
    return new Sample(line.substring(0, brace), labels, value(rest[0], line));
  }

  private static double value(String text, String line) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Not a sample value: " + line, e);
        }
      }
    };
  }
}
