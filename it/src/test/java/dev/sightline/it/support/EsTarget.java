package dev.sightline.it.support;

import dev.sightline.probe.es.ElasticsearchVersion;
import java.net.URI;

/**
 * What a test gets to work on: a real node and an index prefix no other test uses, so tests share
 * the node without seeing each other's data.
 */
public record EsTarget(ElasticsearchVersion version, URI url, String indexPrefix) {

  /** The same target for helpers of {@link RealEngines} tests. */
  public EngineTarget onEngine() {
    return new EngineTarget(version, url, indexPrefix);
  }

  /** {@code <prefix>-<name>}: an index name inside this test's namespace. */
  public String index(String name) {
    return indexPrefix + "-" + name;
  }
}
