package dev.sightline.exporter.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Sends bulk requests of items serialized before ({@link BulkLines}) and reads which items
 * Elasticsearch rejected ({@link BulkResponses}). A request the node finds too large (413, {@code
 * http.max_content_length}) is sent again in halves; a single document it refuses is a rejected
 * item ({@link ElasticsearchErrors#CONTENT_TOO_LARGE}), which no retry can change.
 */
public final class BulkRequests {

  private BulkRequests() {}

  /**
   * Sends the items in one request (halves after a 413), without blocking. The future completes, on
   * one of the client's I/O threads, with the rejected items (none: everything was written), or
   * exceptionally with a {@link StoreException} when no answer came or the request as a whole was
   * refused.
   *
   * @param refresh whether Elasticsearch refreshes the shards written before it answers ({@code
   *     refresh=true}): the documents are searchable when the future completes
   * @param timeout the bulk's {@code timeout}, how long the node waits for an unavailable primary
   *     before it refuses the item ({@code 503}); null for the node's default (1 minute)
   */
  public static CompletableFuture<BulkItemFailures> sendAsync(
      RestClient client, List<BulkItem> items, boolean refresh, Duration timeout) {
    var failures = new BulkItemFailures.Collector();
    return send(client, items, refresh, timeout, failures).thenApply(done -> failures.build());
  }

  /**
   * Sends the items in requests of at most {@code maxRequestBytes} (at least one item each), one
   * after the other, and throws {@link StoreException} with the rejected items grouped by error
   * type once every request was sent.
   */
  public static void send(RestClient client, List<BulkItem> items, long maxRequestBytes) {
    send(client, items, maxRequestBytes, null);
  }

  /**
   * As {@link #send(RestClient, List, long)}, with the bulk's {@code timeout}.
   *
   * @param timeout null for the node's default (1 minute)
   */
  public static void send(
      RestClient client, List<BulkItem> items, long maxRequestBytes, Duration timeout) {
    var failures = new BulkItemFailures.Collector();
    for (var request : split(items, maxRequestBytes)) {
      try {
        send(client, request, false, timeout, failures).join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof StoreException store
            ? store
            : new StoreException("bulk failed: " + e.getCause(), e.getCause());
      }
    }
    if (!failures.isEmpty()) {
      throw new StoreException(failures.build());
    }
  }

  /** Halves are sent one after the other, so one collector is never written by two threads. */
  private static CompletableFuture<Void> send(
      RestClient client,
      List<BulkItem> items,
      boolean refresh,
      Duration timeout,
      BulkItemFailures.Collector failures) {
    var what = "bulk of " + items.size() + " documents";
    var request = new Request("POST", "/_bulk");
    if (refresh) {
      request.addParameter("refresh", "true");
    }
    if (timeout != null) {
      request.addParameter("timeout", timeout.toMillis() + "ms");
    }
    request.setEntity(new BulkBody(items));
    return RestCalls.sendAsync(client, request)
        .handle(
            (response, error) -> {
              if (error == null) {
                try (var body = response.getEntity().getContent()) {
                  BulkResponses.collect(body, failures);
                } catch (java.io.IOException e) {
                  throw new StoreException(what + " failed: unreadable answer (" + e + ")", e);
                }
                return CompletableFuture.<Void>completedFuture(null);
              }
              if (tooLarge(error)) {
                if (items.size() == 1) {
                  var key = items.getFirst().key();
                  failures.add(
                      ElasticsearchErrors.CONTENT_TOO_LARGE,
                      key.index(),
                      key.id(),
                      413,
                      "the document is larger than Elasticsearch accepts in one request"
                          + " (http.max_content_length)");
                  return CompletableFuture.<Void>completedFuture(null);
                }
                var half = items.size() / 2;
                return send(client, items.subList(0, half), refresh, timeout, failures)
                    .thenCompose(
                        first ->
                            send(
                                client,
                                items.subList(half, items.size()),
                                refresh,
                                timeout,
                                failures));
              }
              throw RestCalls.failure(
                  what, error instanceof Exception e ? e : new RuntimeException(error));
            })
        .thenCompose(next -> next);
  }

  private static boolean tooLarge(Throwable error) {
    return error instanceof ResponseException re
        && re.getResponse().getStatusLine().getStatusCode() == 413;
  }

  static List<List<BulkItem>> split(List<BulkItem> items, long maxRequestBytes) {
    var requests = new ArrayList<List<BulkItem>>();
    var current = new ArrayList<BulkItem>();
    long bytes = 0;
    for (var item : items) {
      if (!current.isEmpty() && bytes + item.bytes() > maxRequestBytes) {
        requests.add(List.copyOf(current));
        current.clear();
        bytes = 0;
      }
      current.add(item);
      bytes += item.bytes();
    }
    if (!current.isEmpty()) {
      requests.add(List.copyOf(current));
    }
    return requests;
  }
}
