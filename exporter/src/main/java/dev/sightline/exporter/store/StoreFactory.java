package dev.sightline.exporter.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.schema.ReadModelSchema;

/**
 * Creates the exporter's store; tests pass their own (an in-memory double, or one that fails on
 * demand).
 */
@FunctionalInterface
public interface StoreFactory {

  /**
   * Synchronous writes are split above this size: well under Elasticsearch's default 100 MB request
   * limit.
   */
  long MAX_BULK_REQUEST_BYTES = 10L * 1024 * 1024;

  DocumentStore create(ExporterConfig config, ReadModelSchema schema, ObjectMapper json);

  StoreFactory ELASTICSEARCH =
      (config, schema, json) ->
          new ElasticsearchStore(
              ElasticsearchClients.create(config.connect()),
              schema,
              MAX_BULK_REQUEST_BYTES,
              ElasticsearchClients.bulkTimeout(config.connect()));
}
