package dev.sightline.exporter.importers;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.config.ImportersConfig;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers the {@link ImportFacts} of a partition from Elasticsearch: whether record indices ({@code
 * <recordIndexPrefix>_*}, Zeebe's {@code zeebe-record_<value-type>_<version>_<date>}) exist, how
 * many records of the partition they hold, which import-position indices exist and the partition's
 * import-position documents. What they mean is {@link ImportFacts#status()}'s to say.
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
  public ImportStatus check(int partitionId) {
    try {
      return facts(partitionId).status();
    } catch (ElasticsearchException e) {
      throw new StoreException(
          "import status check failed: HTTP " + e.status() + " " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "import status check failed: Elasticsearch unreachable (" + e + ")", e);
    }
  }

  @SuppressWarnings("rawtypes")
  private ImportFacts facts(int partitionId) throws IOException {
    var recordIndices = List.of(importers.recordIndexPrefix() + "_*");
    if (existing(recordIndices).isEmpty()) {
      return new ImportFacts(false, 0, Set.of(), List.of());
    }
    var ofPartition = Query.of(q -> q.term(t -> t.field("partitionId").value(partitionId)));
    var records =
        client
            .count(
                c ->
                    c.index(recordIndices)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .query(ofPartition))
            .count();
    var positionIndices = existing(importers.positionIndices());
    var positions =
        client
            .search(
                s ->
                    s.index(importers.positionIndices())
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(MAX_READERS)
                        .query(ofPartition),
                Map.class)
            .hits()
            .hits()
            .stream()
            .map(
                hit -> {
                  var source = hit.source() == null ? Map.of() : hit.source();
                  return new ImportFacts.Position(
                      hit.index(),
                      String.valueOf(source.get("aliasName")),
                      Boolean.TRUE.equals(source.get("completed")));
                })
            .toList();
    return new ImportFacts(true, records, positionIndices, positions);
  }

  private Set<String> existing(List<String> patterns) throws IOException {
    return client
        .indices()
        .get(g -> g.index(patterns).ignoreUnavailable(true).allowNoIndices(true))
        .result()
        .keySet();
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
