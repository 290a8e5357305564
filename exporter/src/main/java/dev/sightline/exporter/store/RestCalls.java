package dev.sightline.exporter.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * Requests through the low-level REST client, and what an error answer says: the same requests and
 * the same reading for Elasticsearch 8 and 9. Every failure becomes a {@link StoreException} that
 * names the request, the status, Elasticsearch's error type and reason, and what to do.
 */
public final class RestCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An error answer: status, Elasticsearch's {@code error.type} and reason (null if none). */
  public record Answer(int status, String type, String reason) {}

  private RestCalls() {}

  /** Performs a request; a non-2xx answer or no answer throws {@link StoreException}. */
  public static Response perform(RestClient client, Request request, String what) {
    try {
      return client.performRequest(request);
    } catch (IOException | RuntimeException e) {
      throw failure(what, e);
    }
  }

  /**
   * Sends a request without waiting. The future completes on one of the client's I/O threads with
   * the answer, or exceptionally with a {@link StoreException} (a non-2xx answer, or none).
   */
  public static CompletableFuture<Response> performAsync(
      RestClient client, Request request, String what) {
    return sendAsync(client, request)
        .handle(
            (response, error) -> {
              if (error == null) {
                return response;
              }
              var cause =
                  error instanceof CompletionException && error.getCause() != null
                      ? error.getCause()
                      : error;
              throw failure(what, cause instanceof Exception e ? e : new RuntimeException(cause));
            });
  }

  /**
   * The same, failing with the client's own exception (a {@link ResponseException} for a non-2xx
   * answer): for callers that look at the answer themselves.
   */
  static CompletableFuture<Response> sendAsync(RestClient client, Request request) {
    var answered = new CompletableFuture<Response>();
    client.performRequestAsync(
        request,
        new ResponseListener() {
          @Override
          public void onSuccess(Response response) {
            answered.complete(response);
          }

          @Override
          public void onFailure(Exception exception) {
            answered.completeExceptionally(exception);
          }
        });
    return answered;
  }

  /** The JSON body of a response as a map (small answers only: metadata, a document). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> json(Response response, String what) {
    try (InputStream body = response.getEntity().getContent()) {
      return JSON.readValue(body, Map.class);
    } catch (IOException e) {
      throw new StoreException(what + " failed: unreadable answer (" + e + ")", e);
    }
  }

  /** A request with a JSON body. */
  public static Request request(String method, String path, String jsonBody) {
    var request = new Request(method, path);
    if (jsonBody != null) {
      request.setJsonEntity(jsonBody);
    }
    return request;
  }

  /**
   * What went wrong: an answer of Elasticsearch (status, error type, reason and what to do), or
   * none at all (unreachable).
   */
  public static StoreException failure(String what, Exception e) {
    if (e instanceof ResponseException re) {
      var answer = answer(re);
      return StoreException.answered(what, answer.status(), answer.type(), answer.reason(), e);
    }
    if (e instanceof IOException) {
      return new StoreException(what + " failed: Elasticsearch unreachable (" + e + ")", e);
    }
    return new StoreException(what + " failed: " + e, e);
  }

  /**
   * Reads {@code {"error": {"type", "reason"}, "status"}} (or {@code {"error": "text"}}) from an
   * error answer; an answer without a JSON body (a proxy's, or 413 from {@code
   * http.max_content_length}) has a status only.
   */
  public static Answer answer(ResponseException e) {
    var response = e.getResponse();
    var status = response.getStatusLine().getStatusCode();
    var entity = response.getEntity();
    if (entity == null) {
      return new Answer(status, null, response.getStatusLine().getReasonPhrase());
    }
    try {
      var text = new String(entity.getContent().readAllBytes(), StandardCharsets.UTF_8);
      try {
        var body = JSON.readValue(text, Map.class);
        return switch (body.get("error")) {
          case Map<?, ?> error ->
              new Answer(status, str(error.get("type")), str(error.get("reason")));
          case String reason -> new Answer(status, null, reason);
          case null, default -> new Answer(status, null, text);
        };
      } catch (IOException notJson) {
        return new Answer(
            status, null, text.isBlank() ? response.getStatusLine().getReasonPhrase() : text);
      }
    } catch (IOException | UnsupportedOperationException unreadable) {
      return new Answer(status, null, response.getStatusLine().getReasonPhrase());
    }
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * Creates an index unless it exists ({@code HEAD}, then {@code PUT}); another writer creating it
   * at the same time is no failure ({@code resource_already_exists_exception}).
   *
   * @param jsonBody the index's settings and mappings, or null for those of its templates
   */
  public static void createIndexIfMissing(RestClient client, String index, String jsonBody) {
    var path = "/" + segment(index);
    var exists = perform(client, new Request("HEAD", path), "check index " + index);
    if (exists.getStatusLine().getStatusCode() == 200) {
      return;
    }
    try {
      client.performRequest(request("PUT", path, jsonBody));
    } catch (ResponseException e) {
      if (!"resource_already_exists_exception".equals(answer(e).type())) {
        throw failure("create index " + index, e);
      }
    } catch (IOException | RuntimeException e) {
      throw failure("create index " + index, e);
    }
  }

  /** Deletes an index template; one that is not there (404) is no failure. */
  public static void deleteIndexTemplate(RestClient client, String template) {
    var what = "delete index template " + template;
    try {
      client.performRequest(new Request("DELETE", "/_index_template/" + segment(template)));
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() != 404) {
        throw failure(what, e);
      }
    } catch (IOException | RuntimeException e) {
      throw failure(what, e);
    }
  }

  /** An index pattern in a path: percent-encoded, its {@code *} wildcards kept. */
  public static String segmentKeepingWildcards(String pattern) {
    return segment(pattern).replace("%2A", "*");
  }

  /** A path segment (index name, document id) percent-encoded as RFC 3986 requires. */
  public static String segment(String value) {
    var bytes = value.getBytes(StandardCharsets.UTF_8);
    var out = new StringBuilder(bytes.length);
    for (var b : bytes) {
      var c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
