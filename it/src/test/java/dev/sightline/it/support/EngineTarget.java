package dev.sightline.it.support;

import dev.sightline.probe.es.Engine;
import dev.sightline.probe.es.EngineVersion;
import java.net.URI;

/**
 * What a {@link RealEngines} test gets to work on: a real Elasticsearch or OpenSearch node and an
 * index prefix no other test uses.
 */
public record EngineTarget(EngineVersion version, URI url, String indexPrefix) {

  /**
   * The error type of a value the mapping refuses: Elasticsearch 8+ says {@code
   * document_parsing_exception}, OpenSearch {@code mapper_parsing_exception} (the exporter's {@code
   * store/Engine} lists where the engines differ).
   */
  public String documentParsingError() {
    return version.engine() == Engine.OPENSEARCH
        ? "mapper_parsing_exception"
        : "document_parsing_exception";
  }

  /** {@code <prefix>-<name>}: an index name inside this test's namespace. */
  public String index(String name) {
    return indexPrefix + "-" + name;
  }
}
