package dev.sightline.probe.twohop.recordindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.sightline.exporter.store.BulkItem;
import dev.sightline.exporter.store.BulkLines;
import dev.sightline.exporter.store.BulkRequests;
import dev.sightline.exporter.store.StoreException;
import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Record indices in Elasticsearch. The mapping indexes what the importers query and sort by
 * (partition, sequence, position, type, intent, timestamp) and keeps {@code value} in the source
 * only: cheaper than the 8.6 templates, which map every value field — so the baseline is, if
 * anything, flattered.
 */
final class ElasticsearchRecordIndexStore implements RecordIndexStore {

  private static final String MAPPINGS =
      """
      {"dynamic":false,"properties":{
        "partitionId":{"type":"integer"},"position":{"type":"long"},"sequence":{"type":"long"},
        "sourceRecordPosition":{"type":"long"},"key":{"type":"long"},"timestamp":{"type":"date","format":"epoch_millis"},
        "recordType":{"type":"keyword"},"valueType":{"type":"keyword"},"intent":{"type":"keyword"},
        "brokerVersion":{"type":"keyword"},"value":{"type":"object","enabled":false}}}
      """;

  private final ElasticsearchClient client;
  private final RecordIndexNames names;
  private final String settingsJson;
  private final long maxRequestBytes;

  ElasticsearchRecordIndexStore(
      ElasticsearchClient client,
      RecordIndexNames names,
      String settingsJson,
      long maxRequestBytes) {
    this.client = client;
    this.names = names;
    this.settingsJson = settingsJson;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void ensureTemplates(Set<ValueType> valueTypes) {
    for (var valueType : valueTypes) {
      try {
        client
            .indices()
            .putIndexTemplate(
                t ->
                    t.name(names.template(valueType))
                        .indexPatterns(names.pattern(valueType))
                        .priority(100L)
                        .template(
                            tt ->
                                tt.aliases(names.alias(valueType), a -> a)
                                    .settings(s -> s.withJson(new StringReader(settingsJson)))
                                    .mappings(m -> m.withJson(new StringReader(MAPPINGS)))));
      } catch (IOException | RuntimeException e) {
        throw new StoreException(
            "put record index template " + names.template(valueType) + " failed: " + e, e);
      }
    }
  }

  @Override
  public void index(List<RecordDocument> documents) {
    var items = new ArrayList<BulkItem>(documents.size());
    for (var document : documents) {
      items.add(
          BulkLines.index(document.index(), document.id(), document.routing(), document.source()));
    }
    BulkRequests.send(
        ((RestClientTransport) client._transport()).restClient(), items, maxRequestBytes);
  }

  @Override
  public void purge(Set<ValueType> valueTypes) {
    for (var valueType : valueTypes) {
      try {
        client
            .indices()
            .delete(
                d ->
                    d.index(names.pattern(valueType)).allowNoIndices(true).ignoreUnavailable(true));
        client.indices().deleteIndexTemplate(d -> d.name(names.template(valueType)));
      } catch (ElasticsearchException e) {
        if (e.status() != 404) {
          throw new StoreException(
              "purge of " + names.pattern(valueType) + " failed: " + e.getMessage(), e);
        }
      } catch (IOException | RuntimeException e) {
        throw new StoreException("purge of " + names.pattern(valueType) + " failed: " + e, e);
      }
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
