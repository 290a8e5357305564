package dev.sightline.exporter.importers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ExporterConfig;

/**
 * Reads the importers' progress; throws {@code StoreException} when it cannot (the check is then
 * retried).
 */
public interface ImportStatusSource extends AutoCloseable {

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
