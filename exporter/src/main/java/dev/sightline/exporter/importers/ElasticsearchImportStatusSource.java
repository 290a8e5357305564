package dev.sightline.exporter.importers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.config.ImportersConfig;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.StoreException;
import java.io.IOException;
import java.util.Map;

/**
 * The importers' progress from Elasticsearch: whether any record index exists (none: nothing was
 * ever exported the two-hop way) and the partition's import-position documents.
 */
final class ElasticsearchImportStatusSource implements ImportStatusSource {

  private static final int MAX_READERS = 1_000;

  private final ElasticsearchClient client;
  private final ImportersConfig importers;

  private ElasticsearchImportStatusSource(ElasticsearchClient client, ImportersConfig importers) {
    this.client = client;
    this.importers = importers;
  }

  static ImportStatusSource create(ExporterConfig config, ObjectMapper json) {
    return new ElasticsearchImportStatusSource(
        ElasticsearchClients.create(config.connect(), json), config.importers());
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ImportStatus check(int partitionId) {
    try {
      var recordIndices =
          client
              .indices()
              .get(g -> g.index(importers.recordIndexPrefix() + "*").allowNoIndices(true))
              .result();
      if (recordIndices.isEmpty()) {
        return ImportStatus.nothingToWaitFor();
      }
      var positions =
          client.search(
              s ->
                  s.index(importers.positionIndex())
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(MAX_READERS)
                      .query(q -> q.term(t -> t.field("partitionId").value(partitionId))),
              Map.class);
      var readers = positions.hits().hits().size();
      var completed =
          (int)
              positions.hits().hits().stream()
                  .filter(
                      hit ->
                          hit.source() != null
                              && Boolean.TRUE.equals(hit.source().get("completed")))
                  .count();
      return ImportStatus.of(completed, readers);
    } catch (ElasticsearchException e) {
      throw new StoreException(
          "import status check failed: HTTP " + e.status() + " " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "import status check failed: Elasticsearch unreachable (" + e + ")", e);
    }
  }

  @Override
  public void close() {
    try {
      client._transport().close();
    } catch (IOException e) {
      // Nothing pending on this client.
    }
  }
}
