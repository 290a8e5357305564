package dev.sightline.it.exporter;

import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.filter.ReadModelRecordFilter;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.it.support.EngineClient;
import dev.sightline.it.support.EngineTarget;
import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.twohop.importer.ImporterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Shared steps of the two-hop tests: hosts for either exporter, importer settings, read-model
 * snapshots.
 */
public final class TwoHop {

  private TwoHop() {}

  static BrokerHost directHost(EngineTarget es, String prefix, Map<String, Object> extraArgs) {
    var args = new TreeMap<String, Object>(extraArgs);
    args.put("index.prefix", prefix);
    args.put("bulk.delay", "200ms");
    return host(es, "sightline", "dev.sightline.exporter.SightlineExporter", args);
  }

  static BrokerHost recordHost(EngineTarget es, String recordPrefix) {
    return host(
        es,
        "records",
        "dev.sightline.probe.twohop.recordindex.RecordIndexExporter",
        ExporterJarIT.twoHopJar(),
        Map.of("index.prefix", recordPrefix, "bulk.delay", "200ms"));
  }

  private static BrokerHost host(
      EngineTarget es, String id, String className, Map<String, Object> args) {
    return host(es, id, className, ExporterJarIT.exporterJar(), args);
  }

  private static BrokerHost host(
      EngineTarget es, String id, String className, Path jar, Map<String, Object> args) {
    var all = new TreeMap<String, Object>(args);
    all.put("connect.url", es.url().toString());
    var descriptor = new ExporterDescriptor(id, className, Optional.of(jar.toAbsolutePath()), all);
    return BrokerHost.builder().exporter(descriptor).build();
  }

  static ImporterSettings importer(
      EngineTarget es, String readModelPrefix, String recordPrefix, List<Integer> partitions) {
    var readModel =
        ConfigParser.parse(
            Map.of(
                "connect",
                Map.of("url", es.url().toString()),
                "index",
                Map.of("prefix", readModelPrefix)));
    return ImporterSettings.defaults(readModel, partitions, ReadModelRecordFilter.valueTypes())
        .withRecordIndexPrefix(recordPrefix)
        .withPositionIndex(recordPrefix + "-import-position")
        .withIdleBackoff(Duration.ofMillis(100))
        .withPositionSaveInterval(Duration.ofMillis(500));
  }

  /**
   * The differences between two read models, one line per document: missing, extra, or the fields
   * that differ — readable where a whole-map comparison would print megabytes.
   */
  public static List<String> differences(
      Map<String, Map<String, Map<String, Object>>> expected,
      Map<String, Map<String, Map<String, Object>>> actual) {
    var differences = new java.util.ArrayList<String>();
    for (var index : expected.keySet()) {
      var want = expected.get(index);
      var got = actual.getOrDefault(index, Map.of());
      for (var id : want.keySet()) {
        if (!got.containsKey(id)) {
          differences.add(index + "/" + id + ": missing");
        } else if (!want.get(id).equals(got.get(id))) {
          var fields = new java.util.TreeSet<String>(want.get(id).keySet());
          fields.addAll(got.get(id).keySet());
          var changed =
              fields.stream()
                  .filter(f -> !java.util.Objects.equals(want.get(id).get(f), got.get(id).get(f)))
                  .map(f -> f + ": " + want.get(id).get(f) + " != " + got.get(id).get(f))
                  .toList();
          differences.add(index + "/" + id + ": " + changed);
        }
      }
      got.keySet().stream()
          .filter(id -> !want.containsKey(id))
          .forEach(id -> differences.add(index + "/" + id + ": extra"));
    }
    return differences;
  }

  /**
   * Every document of every read-model index under the prefix, keyed by index name without the
   * prefix.
   */
  public static Map<String, Map<String, Map<String, Object>>> readModel(
      EngineClient client, String prefix) {
    var all = new TreeMap<String, Map<String, Map<String, Object>>>();
    for (var index : ReadModelSchema.INDICES) {
      all.put(index.name(), ReadModelDocuments.all(client, index.indexName(prefix)));
    }
    return all;
  }
}
