package dev.sightline.probe.es;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a server inside the node JVM ({@link NodeMain}), by reflection: the launcher has no
 * compile-time dependency on any server.
 */
sealed interface ServerBoot permits ElasticsearchBoot, OpenSearchBoot {

  /**
   * Starts a node with these settings on this home folder; returns the started node, whose {@code
   * close()} stops it.
   */
  Object start(Path home, Map<String, String> settings) throws Exception;
}
