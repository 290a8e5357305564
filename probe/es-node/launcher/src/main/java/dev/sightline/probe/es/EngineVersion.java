package dev.sightline.probe.es;

import java.util.List;
import java.util.stream.Stream;

/**
 * One release of one engine that a node can be started for; each has its classpath resolved at
 * build time by a {@code dist-*} module.
 */
public sealed interface EngineVersion permits ElasticsearchVersion, OpenSearchVersion {

  Engine engine();

  /** The release number, e.g. {@code 9.5.3}. */
  String number();

  default int major() {
    return Integer.parseInt(number().substring(0, number().indexOf('.')));
  }

  /** {@code Elasticsearch 9.5.3}, {@code OpenSearch 2.19.6}. */
  default String displayName() {
    return engine().displayName() + " " + number();
  }

  /**
   * {@code 9.5.3} for Elasticsearch, {@code opensearch-2.19.6} for OpenSearch: how file names,
   * index prefixes and the {@code dist-*} resources name this version.
   */
  default String id() {
    return engine() == Engine.ELASTICSEARCH ? number() : engine().id() + "-" + number();
  }

  /** Every version of every engine: Elasticsearch's, then OpenSearch's, each newest first. */
  static List<EngineVersion> all() {
    return Stream.concat(
            Stream.of(ElasticsearchVersion.values()), Stream.of(OpenSearchVersion.values()))
        .map(EngineVersion.class::cast)
        .toList();
  }

  /**
   * An {@link #id()} ({@code 9.5.3}, {@code opensearch-2.19.6}), or an engine and a version
   * separated by a colon or dash ({@code elasticsearch:8}, {@code opensearch-2}); a version alone
   * is Elasticsearch's.
   *
   * @throws IllegalArgumentException naming what is accepted and the value given
   */
  static EngineVersion parse(String text) {
    for (var engine : Engine.values()) {
      var prefix = engine.id();
      if (text.regionMatches(true, 0, prefix, 0, prefix.length())
          && text.length() > prefix.length() + 1
          && (text.charAt(prefix.length()) == ':' || text.charAt(prefix.length()) == '-')) {
        return engine.parseVersion(text.substring(prefix.length() + 1));
      }
    }
    return Engine.ELASTICSEARCH.parseVersion(text);
  }
}
