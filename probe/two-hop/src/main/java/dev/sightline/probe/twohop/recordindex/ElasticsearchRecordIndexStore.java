package dev.sightline.probe.twohop.recordindex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.store.BulkItem;
import dev.sightline.exporter.store.BulkLines;
import dev.sightline.exporter.store.BulkRequests;
import dev.sightline.exporter.store.RestCalls;
import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Record indices in Elasticsearch or OpenSearch. The mapping indexes what the importers query and
 * sort by (partition, sequence, position, type, intent, timestamp) and keeps {@code value} in the
 * source only: cheaper than the 8.6 templates, which map every value field — so the baseline is, if
 * anything, flattered. Plain REST requests through the exporter's {@link RestCalls} and {@link
 * BulkRequests}, the same for both engines.
 */
final class ElasticsearchRecordIndexStore implements RecordIndexStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TEMPLATE_PRIORITY = 100;

  private static final String MAPPINGS =
      """
      {"dynamic":false,"properties":{
        "partitionId":{"type":"integer"},"position":{"type":"long"},"sequence":{"type":"long"},
        "sourceRecordPosition":{"type":"long"},"key":{"type":"long"},"timestamp":{"type":"date","format":"epoch_millis"},
        "recordType":{"type":"keyword"},"valueType":{"type":"keyword"},"intent":{"type":"keyword"},
        "brokerVersion":{"type":"keyword"},"value":{"type":"object","enabled":false}}}
      """;

  private final RestClient client;
  private final RecordIndexNames names;
  private final String settingsJson;
  private final long maxRequestBytes;

  ElasticsearchRecordIndexStore(
      RestClient client, RecordIndexNames names, String settingsJson, long maxRequestBytes) {
    this.client = client;
    this.names = names;
    this.settingsJson = settingsJson;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void ensureTemplates(Set<ValueType> valueTypes) {
    for (var valueType : valueTypes) {
      var template = names.template(valueType);
      RestCalls.perform(
          client,
          RestCalls.request(
              "PUT", "/_index_template/" + RestCalls.segment(template), template(valueType)),
          "put record index template " + template);
    }
  }

  /** One value type's template: its indices, their alias, settings and mappings. */
  String template(ValueType valueType) {
    var body = JSON.createObjectNode();
    body.putArray("index_patterns").add(names.pattern(valueType));
    body.put("priority", TEMPLATE_PRIORITY);
    var template = body.putObject("template");
    template.putObject("aliases").putObject(names.alias(valueType));
    template.set("settings", tree(settingsJson));
    template.set("mappings", tree(MAPPINGS));
    return body.toString();
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  @Override
  public void index(List<RecordDocument> documents) {
    var items = new ArrayList<BulkItem>(documents.size());
    for (var document : documents) {
      items.add(
          BulkLines.index(document.index(), document.id(), document.routing(), document.source()));
    }
    BulkRequests.send(client, items, maxRequestBytes);
  }

  @Override
  public void purge(Set<ValueType> valueTypes) {
    for (var valueType : valueTypes) {
      var pattern = names.pattern(valueType);
      var delete = new Request("DELETE", "/" + RestCalls.segmentKeepingWildcards(pattern));
      delete.addParameter("allow_no_indices", "true");
      delete.addParameter("ignore_unavailable", "true");
      RestCalls.perform(client, delete, "purge of " + pattern);
      RestCalls.deleteIndexTemplate(client, names.template(valueType));
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Nothing pending on this client.
    }
  }
}
