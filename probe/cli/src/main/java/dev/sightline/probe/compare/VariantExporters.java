package dev.sightline.probe.compare;

import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.loading.ExporterLoadException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** How the broker-like host loads a variant's exporter: its class, its jar and its args. */
public final class VariantExporters {

  private VariantExporters() {}

  /**
   * The exporter of {@code variant}, with the id of its label.
   *
   * @param runArgs what the run gives Sightline's and the record-index exporter (connect.url,
   *     index.prefix, latency log, the run's own defaults): the variant's settings go on top.
   *     Another exporter gets only its settings, with {@code {es}} (the nodes' URLs, {@code
   *     connectUrl}), {@code {prefix}} and {@code {hlog}} replaced.
   * @param connectUrl the run's nodes, comma-separated
   */
  public static ExporterDescriptor descriptor(
      Variant variant,
      ExporterJars jars,
      String connectUrl,
      String indexPrefix,
      Optional<Path> hlogDir,
      Map<String, ?> runArgs) {
    var spec = variant.spec();
    return switch (variant.design()) {
      case DIRECT, TWO_HOP -> {
        var settings = spec.exporterSettings();
        var args = new TreeMap<String, Object>(runArgs);
        args.keySet()
            .removeIf(
                own ->
                    settings.keySet().stream()
                        .anyMatch(
                            key ->
                                VariantParser.canonical(key).equals(VariantParser.canonical(own))));
        args.putAll(settings);
        yield ExporterDescriptor.inJar(
            variant.label(),
            variant.design().className(),
            variant.design() == Design.DIRECT ? jars.direct() : jars.twoHop(),
            args);
      }
      case OTHER -> {
        var other = spec.other().orElseThrow();
        var args = new LinkedHashMap<String, String>();
        spec.exporterSettings()
            .forEach(
                (key, value) ->
                    args.put(
                        key,
                        value
                            .replace(OtherExporter.ELASTICSEARCH, connectUrl)
                            .replace(OtherExporter.PREFIX, indexPrefix)
                            .replace(
                                OtherExporter.HLOG,
                                hlogDir.map(Path::toString).orElse(OtherExporter.HLOG))));
        yield ExporterDescriptor.inJar(
            variant.label(), other.className(), other.jar(), ExporterArgs.nested(args));
      }
    };
  }

  /**
   * Loads every variant's exporter as the run will ({@code exporter}: placeholders for the node and
   * the indices will do) and has it check its settings ({@code configure} on a throw-away instance,
   * as a broker does at start), so that a setting its jar does not know fails before a node starts.
   *
   * @throws InvalidVariantException naming the variant and what its exporter said
   */
  public static void check(List<Variant> variants, Function<Variant, ExporterDescriptor> exporter) {
    for (var variant : variants) {
      try {
        BrokerHost.builder().exporter(exporter.apply(variant)).build().close();
      } catch (ExporterLoadException e) {
        throw new InvalidVariantException(
            "variant '%s' (%s) refused: %s"
                .formatted(
                    variant.label(),
                    describe(variant),
                    e.getMessage().replaceAll("\\s*\\R\\s*", " ")));
      }
    }
  }

  /** {@code name:key=value,…} or {@code key=value,…}: the variant as it could be given. */
  public static String describe(Variant variant) {
    var settings = variant.settings();
    var pairs = new StringBuilder();
    settings.forEach(
        (key, value) ->
            pairs.append(pairs.isEmpty() ? "" : ",").append(key).append('=').append(value));
    if (variant.design() == Design.OTHER) {
      return pairs.toString();
    }
    return settings.isEmpty() ? variant.spec().name() : variant.spec().name() + ":" + pairs;
  }
}
