package dev.sightline.exporter.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends bulk operations in requests of at most {@code maxRequestBytes} (at least one operation
 * each), and throws {@link StoreException} with the rejected items grouped by error type once every
 * request was sent.
 */
public final class BulkRequests {

  /** One operation and the size of its source. */
  public record Sized(BulkOperation operation, long bytes) {}

  private BulkRequests() {}

  public static void send(
      ElasticsearchClient client, List<Sized> operations, long maxRequestBytes) {
    var failures = new BulkItemFailures.Collector();
    for (var request : split(operations, maxRequestBytes)) {
      send(client, request, failures);
    }
    if (!failures.isEmpty()) {
      throw new StoreException(failures.build());
    }
  }

  /**
   * A request the node finds too large (413, {@code http.max_content_length}) is sent again in
   * halves; a single document it refuses is a rejected item ({@link
   * ElasticsearchErrors#CONTENT_TOO_LARGE}), which no retry can change.
   */
  private static void send(
      ElasticsearchClient client, BulkRequest request, BulkItemFailures.Collector failures) {
    var operations = request.operations();
    try {
      collect(call(client, request), failures);
    } catch (TooLarge e) {
      if (operations.size() == 1) {
        var target = Target.of(operations.getFirst());
        failures.add(
            ElasticsearchErrors.CONTENT_TOO_LARGE,
            target.index(),
            target.id(),
            413,
            "the document is larger than Elasticsearch accepts in one request"
                + " (http.max_content_length)");
        return;
      }
      var half = operations.size() / 2;
      send(client, BulkRequest.of(b -> b.operations(operations.subList(0, half))), failures);
      send(
          client,
          BulkRequest.of(b -> b.operations(operations.subList(half, operations.size()))),
          failures);
    }
  }

  /** The rejected items of one bulk response. */
  static void collect(BulkResponse response, BulkItemFailures.Collector failures) {
    if (!response.errors()) {
      return;
    }
    for (var item : response.items()) {
      if (item.error() != null) {
        failures.add(
            item.error().type(), item.index(), item.id(), item.status(), item.error().reason());
      }
    }
  }

  private record Target(String index, String id) {
    static Target of(BulkOperation operation) {
      return switch (operation._kind()) {
        case Index -> new Target(operation.index().index(), operation.index().id());
        case Update -> new Target(operation.update().index(), operation.update().id());
        case Create -> new Target(operation.create().index(), operation.create().id());
        case Delete -> new Target(operation.delete().index(), operation.delete().id());
      };
    }
  }

  /** The node refused the request for its size. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  static List<BulkRequest> split(List<Sized> operations, long maxRequestBytes) {
    var requests = new ArrayList<BulkRequest>();
    var current = new ArrayList<BulkOperation>();
    long bytes = 0;
    for (var operation : operations) {
      if (!current.isEmpty() && bytes + operation.bytes() > maxRequestBytes) {
        requests.add(BulkRequest.of(b -> b.operations(List.copyOf(current))));
        current.clear();
        bytes = 0;
      }
      current.add(operation.operation());
      bytes += operation.bytes();
    }
    if (!current.isEmpty()) {
      requests.add(BulkRequest.of(b -> b.operations(List.copyOf(current))));
    }
    return requests;
  }

  private static BulkResponse call(ElasticsearchClient client, BulkRequest request) {
    var what = "bulk of " + request.operations().size() + " documents";
    try {
      return client.bulk(request);
    } catch (ElasticsearchException e) {
      if (e.status() == 413) {
        throw new TooLarge();
      }
      throw ElasticsearchStore.failure(what, e);
    } catch (IOException e) {
      // 413 from http.max_content_length comes without a body, as the low-level client's exception
      if (ElasticsearchStore.statusWithoutBody(e) == 413) {
        throw new TooLarge();
      }
      throw ElasticsearchStore.failure(what, e);
    } catch (RuntimeException e) {
      throw new StoreException(what + " failed: " + e, e);
    }
  }
}
