package dev.sightline.exporter.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sightline.exporter.schema.ReadModelSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * One {@code _search} over several indices for documents by id, answering the {@code position} of
 * each found: per index a clause {@code _index = <index> AND ids(<ids>)}, so one request serves
 * every index. What a user's query sees: only refreshed documents, and the request never refreshes
 * (no parameter of it changes what it measures). No {@code _source} is loaded: {@code position}
 * comes from its doc values (a {@code long} in every read-model index), so a search for 1,000
 * documents does not decompress and parse 1,000 sources; {@code filter_path} keeps the answer to
 * index, id and position; {@code ignore_unavailable} answers nothing for an index not created yet.
 */
public final class PositionSearches {

  private static final JsonFactory JSON = new JsonFactory();

  private PositionSearches() {}

  /**
   * Sends the search without blocking; the future completes on one of the client's I/O threads with
   * the documents found, or exceptionally with a {@link StoreException}.
   */
  public static CompletableFuture<List<DocumentPosition>> send(
      RestClient client, Map<String, List<String>> idsByIndex) {
    var result = new CompletableFuture<List<DocumentPosition>>();
    if (idsByIndex.isEmpty()) {
      result.complete(List.of());
      return result;
    }
    var what = "search of " + idsByIndex.keySet();
    Request request;
    try {
      request = request(idsByIndex);
    } catch (IOException e) {
      result.completeExceptionally(new StoreException(what + " failed: " + e, e));
      return result;
    }
    client.performRequestAsync(
        request,
        new ResponseListener() {
          @Override
          public void onSuccess(Response response) {
            try (var body = response.getEntity().getContent()) {
              result.complete(read(body));
            } catch (IOException | RuntimeException e) {
              result.completeExceptionally(
                  new StoreException(what + " failed: unreadable answer (" + e + ")", e));
            }
          }

          @Override
          public void onFailure(Exception exception) {
            result.completeExceptionally(RestCalls.failure(what, exception));
          }
        });
    return result;
  }

  static Request request(Map<String, List<String>> idsByIndex) throws IOException {
    var indices =
        idsByIndex.keySet().stream().map(RestCalls::segment).collect(Collectors.joining(","));
    var request = new Request("POST", "/" + indices + "/_search");
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("allow_no_indices", "true");
    request.addParameter(
        "filter_path",
        "hits.hits._index,hits.hits._id,hits.hits.fields." + ReadModelSchema.POSITION);
    request.setEntity(new ByteArrayEntity(body(idsByIndex), ContentType.APPLICATION_JSON));
    return request;
  }

  /**
   * The fields of a search body that asks for {@code size} hits and, of each, only its position
   * (doc values): no source, no total.
   */
  static void positionsOnly(JsonGenerator json, int size) throws IOException {
    json.writeNumberField("size", size);
    json.writeBooleanField("track_total_hits", false);
    json.writeBooleanField("_source", false);
    json.writeArrayFieldStart("docvalue_fields");
    json.writeString(ReadModelSchema.POSITION);
    json.writeEndArray();
  }

  /**
   * {@code {"size": n, "track_total_hits": false, "_source": false, "docvalue_fields":
   * ["position"], "query": {"bool": {"should": [{"bool": {"filter": [{"term": {"_index": i}},
   * {"ids": {"values": [...]}}]}}, …]}}}}
   */
  static byte[] body(Map<String, List<String>> idsByIndex) throws IOException {
    var out = new ByteArrayOutputStream();
    var size = idsByIndex.values().stream().mapToInt(List::size).sum();
    try (var json = JSON.createGenerator(out)) {
      json.writeStartObject();
      positionsOnly(json, size);
      json.writeObjectFieldStart("query");
      json.writeObjectFieldStart("bool");
      json.writeArrayFieldStart("should");
      for (var entry : idsByIndex.entrySet()) {
        json.writeStartObject();
        json.writeObjectFieldStart("bool");
        json.writeArrayFieldStart("filter");
        json.writeStartObject();
        json.writeObjectFieldStart("term");
        json.writeStringField("_index", entry.getKey());
        json.writeEndObject();
        json.writeEndObject();
        json.writeStartObject();
        json.writeObjectFieldStart("ids");
        json.writeArrayFieldStart("values");
        for (var id : entry.getValue()) {
          json.writeString(id);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * {@code {"hits": {"hits": [{"_index", "_id", "fields": {"position": [p]}}]}}}, or {@code {}}
   * when nothing was found; a hit without a position is left out.
   */
  static List<DocumentPosition> read(InputStream body) throws IOException {
    var found = new ArrayList<DocumentPosition>();
    try (var parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var field = parser.currentName();
        parser.nextToken();
        if (field.equals("hits")) {
          hits(parser, found);
        } else {
          parser.skipChildren();
        }
      }
    }
    return found;
  }

  private static void hits(JsonParser parser, List<DocumentPosition> found) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var field = parser.currentName();
      var token = parser.nextToken();
      if (field.equals("hits") && token == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          hit(parser, found);
        }
      } else {
        parser.skipChildren();
      }
    }
  }

  private static void hit(JsonParser parser, List<DocumentPosition> found) throws IOException {
    String index = null;
    String id = null;
    var position = Long.MIN_VALUE;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var field = parser.currentName();
      var token = parser.nextToken();
      switch (field) {
        case "_index" -> index = parser.getValueAsString();
        case "_id" -> id = parser.getValueAsString();
        case "fields" -> {
          if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              var name = parser.currentName();
              var value = parser.nextToken();
              if (name.equals(ReadModelSchema.POSITION) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                  if (parser.currentToken().isNumeric()) {
                    position = Math.max(position, parser.getLongValue());
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
    if (index != null && id != null && position != Long.MIN_VALUE) {
      found.add(new DocumentPosition(index, id, position));
    }
  }
}
