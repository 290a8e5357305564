package dev.sightline.exporter.importers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ExporterConfig;

/**
 * Reads the importers' progress; throws {@code StoreException} when it cannot (the check is then
 * retried).
 */
public interface ImportStatusSource extends AutoCloseable {

  /**
   * For a cluster that never ran the two-hop importers, and for tests: nothing to wait for, on
   * every partition, without reading anything.
   */
  ImportStatusSource NOTHING_TO_WAIT_FOR =
      new ImportStatusSource() {
        @Override
        public ImportStatus check(int partitionId) {
          return ImportStatus.nothingToWaitFor();
        }

        @Override
        public void close() {}
      };

  ImportStatus check(int partitionId);

  @Override
  void close();

  /** Creates the source from the exporter's configuration; tests pass their own. */
  @FunctionalInterface
  interface Factory {
    ImportStatusSource create(ExporterConfig config, ObjectMapper json);

    Factory ELASTICSEARCH = ElasticsearchImportStatusSource::create;
  }
}
