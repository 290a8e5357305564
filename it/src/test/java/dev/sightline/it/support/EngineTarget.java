package dev.sightline.it.support;

import dev.sightline.probe.es.EngineVersion;
import java.net.URI;

/**
 * What a {@link RealEngines} test gets to work on: a real Elasticsearch or OpenSearch node and an
 * index prefix no other test uses. {@link EsTarget}'s counterpart for tests that run on every
 * engine.
 */
public record EngineTarget(EngineVersion version, URI url, String indexPrefix) {

  /** {@code <prefix>-<name>}: an index name inside this test's namespace. */
  public String index(String name) {
    return indexPrefix + "-" + name;
  }
}
