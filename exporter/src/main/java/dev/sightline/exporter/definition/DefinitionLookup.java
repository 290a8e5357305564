package dev.sightline.exporter.definition;

import java.util.Optional;

/**
 * Where {@link ProcessDefinitions} looks when its cache misses: a definition deployed before this
 * exporter's history, evicted, or exported by another partition's exporter.
 */
@FunctionalInterface
public interface DefinitionLookup {

  Optional<DeployedProcess> processDefinition(long processDefinitionKey);

  /** A lookup that never finds anything. */
  DefinitionLookup NONE = key -> Optional.empty();
}
