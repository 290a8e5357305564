package dev.sightline.exporter.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.FlowNodeInstanceIndex;
import dev.sightline.exporter.schema.IncidentIndex;
import dev.sightline.exporter.schema.JobIndex;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.schema.UserTaskIndex;
import dev.sightline.exporter.schema.VariableIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * {@link RetentionStore} on the low-level REST client: filtered searches sorted on doc values
 * ({@code _source} is never loaded, {@code filter_path} keeps the answer to index, id, sort values
 * and position), paged with {@code search_after}; deletes as {@code _bulk} {@code delete} items.
 * The same requests for Elasticsearch 8 and 9 and OpenSearch 2 and 3. Thread-safe as the client is.
 */
public final class ElasticsearchRetention implements RetentionStore {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String FILTER_PATH =
      "hits.hits._index,hits.hits._id,hits.hits.sort,hits.hits.fields." + ReadModelSchema.POSITION;

  private final RestClient client;
  private final Duration bulkTimeout;
  private final String processInstances;
  private final List<String> belonging;

  /**
   * @param bulkTimeout the deletes' {@code timeout}, null for the node's default
   */
  public ElasticsearchRetention(RestClient client, ReadModelSchema schema, Duration bulkTimeout) {
    this.client = client;
    this.bulkTimeout = bulkTimeout;
    this.processInstances = schema.indexName(ProcessInstanceIndex.DESCRIPTOR);
    this.belonging =
        List.of(
            schema.indexName(FlowNodeInstanceIndex.DESCRIPTOR),
            schema.indexName(VariableIndex.DESCRIPTOR),
            schema.indexName(IncidentIndex.DESCRIPTOR),
            schema.indexName(JobIndex.DESCRIPTOR),
            schema.indexName(UserTaskIndex.DESCRIPTOR));
  }

  @Override
  public CompletableFuture<Void> refreshInstances() {
    var indices = new ArrayList<String>(belonging);
    indices.addFirst(processInstances);
    var request = new Request("POST", "/" + path(indices) + "/_refresh");
    request.addParameter("ignore_unavailable", "true");
    return RestCalls.performAsync(client, request, "refresh " + indices)
        .thenApply(response -> null);
  }

  @Override
  public CompletableFuture<List<Found>> finishedRoots(
      int partitionId, long endedBeforeMillis, long maxPosition, int size) {
    return search(
        List.of(processInstances),
        "search of finished root instances",
        size,
        json -> {
          sort(json, ProcessInstanceIndex.END_DATE.name(), "asc");
          json.writeObjectFieldStart("query");
          json.writeObjectFieldStart("bool");
          json.writeArrayFieldStart("filter");
          term(json, ProcessInstanceIndex.PARTITION_ID.name(), partitionId);
          json.writeStartObject();
          json.writeObjectFieldStart("terms");
          json.writeArrayFieldStart(ProcessInstanceIndex.STATE.name());
          json.writeString("COMPLETED");
          json.writeString("CANCELED");
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndObject();
          json.writeStartObject();
          json.writeObjectFieldStart("range");
          json.writeObjectFieldStart(ProcessInstanceIndex.END_DATE.name());
          json.writeNumberField("lt", endedBeforeMillis);
          json.writeStringField("format", "epoch_millis");
          json.writeEndObject();
          json.writeEndObject();
          json.writeEndObject();
          json.writeStartObject();
          json.writeObjectFieldStart("range");
          json.writeObjectFieldStart(ReadModelSchema.POSITION);
          json.writeNumberField("lte", maxPosition);
          json.writeEndObject();
          json.writeEndObject();
          json.writeEndObject();
          json.writeEndArray();
          json.writeArrayFieldStart("must_not");
          json.writeStartObject();
          json.writeObjectFieldStart("exists");
          json.writeStringField("field", ProcessInstanceIndex.PARENT_PROCESS_INSTANCE_KEY.name());
          json.writeEndObject();
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndObject();
        },
        Kind.ROOT);
  }

  @Override
  public CompletableFuture<List<Found>> calledInstances(
      Collection<Long> parents, Found after, int size) {
    return search(
        List.of(processInstances),
        "search of called instances",
        size,
        json -> {
          sort(json, ProcessInstanceIndex.PARENT_PROCESS_INSTANCE_KEY.name(), "asc");
          searchAfter(json, after);
          terms(json, ProcessInstanceIndex.PARENT_PROCESS_INSTANCE_KEY.name(), parents);
        },
        Kind.OWNED);
  }

  @Override
  public CompletableFuture<List<Found>> belongingTo(
      Collection<Long> instances, Found after, int size) {
    return search(
        belonging,
        "search of the documents of finished instances",
        size,
        json -> {
          sort(json, FlowNodeInstanceIndex.PROCESS_INSTANCE_KEY.name(), "desc");
          searchAfter(json, after);
          terms(json, FlowNodeInstanceIndex.PROCESS_INSTANCE_KEY.name(), instances);
        },
        Kind.OWNED);
  }

  @Override
  public CompletableFuture<BulkItemFailures> delete(List<DocumentKey> documents) {
    return BulkRequests.sendAsync(
        client, documents.stream().map(BulkLines::delete).toList(), false, bulkTimeout);
  }

  /** How a hit's sort values read: a root's are (endDate, key), any other's (owner, key). */
  enum Kind {
    ROOT,
    OWNED
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private CompletableFuture<List<Found>> search(
      List<String> indices, String what, int size, Body body, Kind kind) {
    var request = new Request("POST", "/" + path(indices) + "/_search");
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("allow_no_indices", "true");
    request.addParameter("filter_path", FILTER_PATH);
    try {
      var out = new ByteArrayOutputStream();
      try (var json = JSON.createGenerator(out)) {
        json.writeStartObject();
        PositionSearches.positionsOnly(json, size);
        body.write(json);
        json.writeEndObject();
      }
      request.setEntity(new ByteArrayEntity(out.toByteArray(), ContentType.APPLICATION_JSON));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new StoreException(what + " failed: " + e, e));
    }
    return RestCalls.performAsync(client, request, what)
        .thenApply(
            response -> {
              try (var in = response.getEntity().getContent()) {
                return read(in, kind);
              } catch (IOException | RuntimeException e) {
                throw new StoreException(what + " failed: unreadable answer (" + e + ")", e);
              }
            });
  }

  private static String path(List<String> indices) {
    return indices.stream().map(RestCalls::segment).collect(Collectors.joining(","));
  }

  /** {@code "sort": [{field: order}, {"key": order}]}: the key breaks ties, so pages never skip. */
  private static void sort(JsonGenerator json, String field, String order) throws IOException {
    json.writeArrayFieldStart("sort");
    for (var name : List.of(field, ProcessInstanceIndex.KEY.name())) {
      json.writeStartObject();
      json.writeObjectFieldStart(name);
      json.writeStringField("order", order);
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void searchAfter(JsonGenerator json, Found after) throws IOException {
    if (after != null) {
      json.writeArrayFieldStart("search_after");
      json.writeNumber(after.owner());
      json.writeNumber(after.key());
      json.writeEndArray();
    }
  }

  private static void term(JsonGenerator json, String field, long value) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("term");
    json.writeNumberField(field, value);
    json.writeEndObject();
    json.writeEndObject();
  }

  /** {@code "query": {"bool": {"filter": [{"terms": {field: [keys]}}]}}} */
  private static void terms(JsonGenerator json, String field, Collection<Long> keys)
      throws IOException {
    json.writeObjectFieldStart("query");
    json.writeObjectFieldStart("bool");
    json.writeArrayFieldStart("filter");
    json.writeStartObject();
    json.writeObjectFieldStart("terms");
    json.writeArrayFieldStart(field);
    for (var key : keys) {
      json.writeNumber(key);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * {@code {"hits": {"hits": [{"_index", "_id", "sort": [a, b], "fields": {"position": [p]}}]}}},
   * or {@code {}} when nothing was found.
   */
  static List<Found> read(InputStream body, Kind kind) throws IOException {
    var found = new ArrayList<Found>();
    try (var parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var field = parser.currentName();
        var token = parser.nextToken();
        if (field.equals("hits") && token == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var name = parser.currentName();
            if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("hits")) {
              while (parser.nextToken() == JsonToken.START_OBJECT) {
                found.add(hit(parser, kind));
              }
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return found;
  }

  private static Found hit(JsonParser parser, Kind kind) throws IOException {
    String index = null;
    String id = null;
    var sort = new long[2];
    var sorted = 0;
    var position = Long.MAX_VALUE;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var field = parser.currentName();
      var token = parser.nextToken();
      switch (field) {
        case "_index" -> index = parser.getValueAsString();
        case "_id" -> id = parser.getValueAsString();
        case "sort" -> {
          while (token == JsonToken.START_ARRAY && parser.nextToken() != JsonToken.END_ARRAY) {
            if (sorted < 2) {
              sort[sorted++] = parser.getValueAsLong();
            }
          }
        }
        case "fields" -> {
          if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              var name = parser.currentName();
              var value = parser.nextToken();
              if (name.equals(ReadModelSchema.POSITION) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                  if (parser.currentToken().isNumeric()) {
                    position = parser.getLongValue();
                  }
                }
              } else {
                parser.skipChildren();
              }
            }
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (index == null || id == null || sorted < 2) {
      throw new IOException("a hit without _index, _id or two sort values");
    }
    return kind == Kind.ROOT
        ? new Found(index, id, -1, sort[1], position)
        : new Found(index, id, sort[0], sort[1], position);
  }
}
