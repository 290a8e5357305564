package dev.sightline.probe.twohop.importer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.exporter.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one (partition, value type) of the record indices in sequence order, a batch at a time, as
 * the 8.6 importers did. A missing record index (or alias) is an empty batch, never an error:
 * camunda/camunda#26046 raised one there, which skipped the completion check forever.
 */
final class SequenceReader implements RecordBatches {

  /** One fetched record: its raw JSON and where it came from. */
  record Hit(String json, long sequence, long position, String index) {}

  private final ElasticsearchClient client;
  private final String alias;
  private final int partitionId;
  private final int batchSize;

  SequenceReader(ElasticsearchClient client, String alias, int partitionId, int batchSize) {
    this.client = client;
    this.alias = alias;
    this.partitionId = partitionId;
    this.batchSize = batchSize;
  }

  @Override
  public List<Hit> after(long sequence) {
    try {
      var response =
          client.search(
              s ->
                  s.index(alias)
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(batchSize)
                      .sort(o -> o.field(f -> f.field("sequence").order(SortOrder.Asc)))
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(
                                              f ->
                                                  f.term(
                                                      t ->
                                                          t.field("partitionId")
                                                              .value(partitionId)))
                                          .filter(
                                              f ->
                                                  f.range(
                                                      r ->
                                                          r.untyped(
                                                              u ->
                                                                  u.field("sequence")
                                                                      .gt(
                                                                          JsonData.of(
                                                                              sequence))))))),
              ObjectNode.class);
      var hits = new ArrayList<Hit>(response.hits().hits().size());
      for (var hit : response.hits().hits()) {
        var source = hit.source();
        hits.add(
            new Hit(
                source.toString(),
                source.path("sequence").asLong(),
                source.path("position").asLong(),
                hit.index()));
      }
      return hits;
    } catch (ElasticsearchException e) {
      if ("index_not_found_exception".equals(e.error().type())) {
        return List.of();
      }
      throw new StoreException("reading " + alias + " failed: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "reading " + alias + " failed: Elasticsearch unreachable (" + e + ")", e);
    }
  }
}
