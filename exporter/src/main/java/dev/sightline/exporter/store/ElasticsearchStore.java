package dev.sightline.exporter.store;

import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ReadModelSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The read model in Elasticsearch, through the low-level REST client: the same requests for 8.x and
 * 9.x. No scripts: a document is indexed whole or partially updated with {@code doc_as_upsert}
 * ({@link BulkLines}). {@link #bulk} sends the bytes it is given, serialized once by the caller, as
 * one request (halves after a 413) without waiting, with {@code refresh=true} if asked, and reads
 * the answer with Jackson's streaming parser ({@link BulkResponses}); {@link #refresh} does not
 * wait either. Schema (templates, indices and their read aliases), reads, purge and {@link #write}
 * are synchronous.
 *
 * <p>Thread-safe as the client is; one instance per exporter (partition).
 */
public final class ElasticsearchStore implements DocumentStore {

  private static final long TEMPLATE_PRIORITY = 100;

  private final RestClient client;
  private final ReadModelSchema schema;
  private final long maxRequestBytes;
  private final Duration bulkTimeout;
  private final ElasticsearchRetention retention;
  private final ElasticsearchUpgrade upgrade;
  private volatile Engine engine;

  /**
   * @param maxRequestBytes synchronous {@link #write}s are split into requests of at most this
   *     size; an asynchronous {@link #bulk} is one request, cut at {@code bulk.memoryLimit} by its
   *     caller
   */
  public ElasticsearchStore(RestClient client, ReadModelSchema schema, long maxRequestBytes) {
    this(client, schema, maxRequestBytes, null);
  }

  /**
   * @param bulkTimeout how long the node may hold a bulk item for an unavailable primary before it
   *     refuses it ({@code 503}, retried): shorter than the client's socket timeout, so the answer
   *     says what happened instead of the client giving up on a bulk still running; null for the
   *     node's default (1 minute)
   */
  public ElasticsearchStore(
      RestClient client, ReadModelSchema schema, long maxRequestBytes, Duration bulkTimeout) {
    this.client = client;
    this.schema = schema;
    this.maxRequestBytes = maxRequestBytes;
    this.bulkTimeout = bulkTimeout;
    this.retention = new ElasticsearchRetention(client, schema, bulkTimeout);
    this.upgrade = new ElasticsearchUpgrade(client, bulkTimeout);
  }

  @Override
  public void ensureSchema() {
    if (engine == null) {
      engine = Engine.detect(client);
    }
    for (IndexDescriptor descriptor : schema.indices()) {
      var index = descriptor.indexName(schema.prefix());
      var template = descriptor.templateName(schema.prefix());
      var body =
          "{\"index_patterns\":[\""
              + index
              + "\"],\"priority\":"
              + TEMPLATE_PRIORITY
              + ",\"template\":{\"settings\":"
              + schema.settingsJson()
              + ",\"mappings\":"
              + descriptor.mappingsJson()
              + ",\"aliases\":{\""
              + descriptor.aliasName(schema.prefix())
              + "\":{}}}}";
      RestCalls.perform(
          client,
          RestCalls.request("PUT", "/_index_template/" + RestCalls.segment(template), body),
          "put index template " + template);
      RestCalls.createIndexIfMissing(client, index, null);
    }
    SchemaAliases.ensure(client, schema);
  }

  @Override
  public Optional<Engine> engine() {
    return Optional.ofNullable(engine);
  }

  @Override
  public void write(List<PendingDocument> documents) {
    var items = new ArrayList<BulkItem>(documents.size());
    for (var document : documents) {
      items.add(BulkLines.of(document));
    }
    BulkRequests.send(client, items, maxRequestBytes, bulkTimeout);
  }

  @Override
  public CompletableFuture<BulkItemFailures> bulk(List<BulkItem> items, boolean refresh) {
    return BulkRequests.sendAsync(client, items, refresh, bulkTimeout);
  }

  @Override
  public CompletableFuture<Void> refresh(Collection<String> indices) {
    var names = indices.stream().map(RestCalls::segment).collect(Collectors.joining(","));
    var request = new Request("POST", "/" + names + "/_refresh");
    request.addParameter("ignore_unavailable", "true");
    return RestCalls.performAsync(client, request, "refresh " + indices).thenApply(done -> null);
  }

  @Override
  public CompletableFuture<List<DocumentPosition>> positions(Map<String, List<String>> idsByIndex) {
    return PositionSearches.send(client, idsByIndex);
  }

  @Override
  public Optional<RetentionStore> retention() {
    return Optional.of(retention);
  }

  @Override
  public Optional<UpgradeStore> upgrade() {
    return Optional.of(upgrade);
  }

  /** A document of an index that does not exist (yet, or any more) is not found. */
  @Override
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> get(String index, String id) {
    var what = "get " + index + "/" + id;
    var request =
        new Request("GET", "/" + RestCalls.segment(index) + "/_doc/" + RestCalls.segment(id));
    try {
      var response = client.performRequest(request);
      var body = RestCalls.json(response, what);
      return Boolean.TRUE.equals(body.get("found"))
          ? Optional.ofNullable((Map<String, Object>) body.get("_source"))
          : Optional.empty();
    } catch (ResponseException e) {
      var answer = RestCalls.answer(e);
      if (answer.status() == 404
          && (answer.type() == null || ElasticsearchErrors.isMissingIndex(404, answer.type()))) {
        return Optional.empty(); // {"found": false}, or the index is missing
      }
      throw RestCalls.failure(what, e);
    } catch (IOException | RuntimeException e) {
      throw RestCalls.failure(what, e);
    }
  }

  @Override
  public void purge() {
    for (IndexDescriptor descriptor : schema.indices()) {
      var index = descriptor.indexName(schema.prefix());
      var delete = new Request("DELETE", "/" + RestCalls.segment(index));
      delete.addParameter("ignore_unavailable", "true");
      RestCalls.perform(client, delete, "delete index " + index);
      RestCalls.deleteIndexTemplate(client, descriptor.templateName(schema.prefix()));
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing: nothing is pending on this client any more.
    }
  }
}
