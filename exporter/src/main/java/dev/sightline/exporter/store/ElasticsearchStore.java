package dev.sightline.exporter.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.sightline.exporter.batch.PendingDocument;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ReadModelSchema;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.elasticsearch.client.ResponseException;

/**
 * The read model in Elasticsearch, through elasticsearch-java. No scripts: every write is a
 * partial-document update with {@code doc_as_upsert}, serialized once, and bulks larger than {@code
 * maxRequestBytes} are split.
 *
 * <p>Not thread-safe beyond what the client guarantees; one instance per exporter (partition).
 */
public final class ElasticsearchStore implements DocumentStore {

  /**
   * Concurrent updates of one document (several partitions) are retried by Elasticsearch itself.
   */
  private static final int RETRY_ON_CONFLICT = 5;

  private static final long TEMPLATE_PRIORITY = 100;

  private final ElasticsearchClient client;
  private final ReadModelSchema schema;
  private final long maxRequestBytes;
  private final ObjectMapper json;

  public ElasticsearchStore(
      ElasticsearchClient client, ReadModelSchema schema, long maxRequestBytes, ObjectMapper json) {
    this.client = client;
    this.schema = schema;
    this.maxRequestBytes = maxRequestBytes;
    this.json = json;
  }

  @Override
  public void ensureSchema() {
    for (IndexDescriptor descriptor : ReadModelSchema.INDICES) {
      var index = schema.indexName(descriptor);
      call(
          "put index template " + descriptor.templateName(schema.prefix()),
          () ->
              client
                  .indices()
                  .putIndexTemplate(
                      t ->
                          t.name(descriptor.templateName(schema.prefix()))
                              .indexPatterns(index)
                              .priority(TEMPLATE_PRIORITY)
                              .template(
                                  tt ->
                                      tt.settings(
                                              s ->
                                                  s.withJson(
                                                      new StringReader(schema.settingsJson())))
                                          .mappings(
                                              m ->
                                                  m.withJson(
                                                      new StringReader(
                                                          descriptor.mappingsJson()))))));
      createIndexIfMissing(index);
    }
  }

  private void createIndexIfMissing(String index) {
    if (call("check index " + index, () -> client.indices().exists(e -> e.index(index)).value())) {
      return;
    }
    try {
      client.indices().create(c -> c.index(index));
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw failure("create index " + index, e);
      }
    } catch (IOException e) {
      throw failure("create index " + index, e);
    }
  }

  @Override
  public void write(List<PendingDocument> documents) {
    var operations = new ArrayList<BulkRequests.Sized>(documents.size());
    for (var document : documents) {
      var source = serialize(document);
      operations.add(new BulkRequests.Sized(upsert(document, source), source.length()));
    }
    BulkRequests.send(client, operations, maxRequestBytes);
  }

  /**
   * A whole document (the exporter knows all of it: see {@code Batch}) is indexed: nothing to read.
   * Any other is a partial update with {@code doc_as_upsert}, which makes Elasticsearch fetch the
   * current version in real time (docs/benchmarks.md).
   */
  private static BulkOperation upsert(PendingDocument document, String source) {
    if (document.whole()) {
      return BulkOperation.of(
          op ->
              op.index(
                  i ->
                      i.index(document.key().index())
                          .id(document.key().id())
                          .document(new RawValue(source))));
    }
    return BulkOperation.of(
        op ->
            op.update(
                u ->
                    u.index(document.key().index())
                        .id(document.key().id())
                        .retryOnConflict(RETRY_ON_CONFLICT)
                        .action(a -> a.doc(new RawValue(source)).docAsUpsert(true))));
  }

  /**
   * Serialized once, as UTF-8 bytes first: Jackson escapes a lone surrogate there ({@code \uD800}),
   * which keeps the JSON valid, where writing the string raw would fail the whole bulk.
   */
  private String serialize(PendingDocument document) {
    try {
      return new String(
          json.writeValueAsBytes(document.fields()), java.nio.charset.StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialize document " + document.key(), e);
    }
  }

  /** A document of an index that does not exist (yet, or any more) is not found. */
  @Override
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> get(String index, String id) {
    var what = "get " + index + "/" + id;
    try {
      var response = client.get(g -> g.index(index).id(id), Map.class);
      return response.found()
          ? Optional.ofNullable((Map<String, Object>) response.source())
          : Optional.empty();
    } catch (ElasticsearchException e) {
      if (ElasticsearchErrors.isMissingIndex(e.status(), e.error().type())) {
        return Optional.empty();
      }
      throw failure(what, e);
    } catch (IOException e) {
      throw failure(what, e);
    } catch (RuntimeException e) {
      throw new StoreException(what + " failed: " + e, e);
    }
  }

  @Override
  public void purge() {
    for (IndexDescriptor descriptor : ReadModelSchema.INDICES) {
      var index = schema.indexName(descriptor);
      call(
          "delete index " + index,
          () -> client.indices().delete(d -> d.index(index).ignoreUnavailable(true)));
      var template = descriptor.templateName(schema.prefix());
      try {
        client.indices().deleteIndexTemplate(d -> d.name(template));
      } catch (ElasticsearchException e) {
        if (e.status() != 404) {
          throw failure("delete index template " + template, e);
        }
      } catch (IOException e) {
        throw failure("delete index template " + template, e);
      }
    }
  }

  @Override
  public void close() {
    try {
      client._transport().close();
    } catch (IOException e) {
      // Closing: nothing is pending on this client any more.
    }
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  private static <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (ElasticsearchException | IOException e) {
      throw failure(what, e);
    } catch (RuntimeException e) {
      // The client wraps transport problems (timeouts, closed connections) in runtime exceptions
      // too.
      throw new StoreException(what + " failed: " + e, e);
    }
  }

  /**
   * What went wrong, as a {@link StoreException}: an answer of Elasticsearch (status, error type,
   * reason and what to do), or none at all (unreachable).
   */
  static StoreException failure(String what, Exception e) {
    return switch (e) {
      case ElasticsearchException es ->
          StoreException.answered(what, es.status(), es.error().type(), es.error().reason(), e);
      case ResponseException re ->
          StoreException.answered(
              what, re.getResponse().getStatusLine().getStatusCode(), null, re.getMessage(), e);
      case TransportException te when te.statusCode() >= 400 ->
          StoreException.answered(what, te.statusCode(), null, te.getMessage(), e);
      case IOException io ->
          new StoreException(what + " failed: Elasticsearch unreachable (" + e + ")", e);
      default -> new StoreException(what + " failed: " + e, e);
    };
  }

  /** The HTTP status of an answer without a JSON body, or -1. */
  static int statusWithoutBody(Exception e) {
    return switch (e) {
      case ResponseException re -> re.getResponse().getStatusLine().getStatusCode();
      case TransportException te -> te.statusCode();
      default -> -1;
    };
  }
}
