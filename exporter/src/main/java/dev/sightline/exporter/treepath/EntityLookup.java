package dev.sightline.exporter.treepath;

import java.util.Optional;

/**
 * Where the resolver looks when its cache misses: the pending batch first, then the index (a
 * real-time GET, so documents flushed but not yet refreshed are found).
 */
public interface EntityLookup {

  Optional<String> processInstanceTreePath(long processInstanceKey);

  Optional<KnownFlowNode> flowNode(long elementInstanceKey);

  /** A lookup that never finds anything (tests, or a store that is not reachable by design). */
  EntityLookup NONE =
      new EntityLookup() {
        @Override
        public Optional<String> processInstanceTreePath(long processInstanceKey) {
          return Optional.empty();
        }

        @Override
        public Optional<KnownFlowNode> flowNode(long elementInstanceKey) {
          return Optional.empty();
        }
      };
}
