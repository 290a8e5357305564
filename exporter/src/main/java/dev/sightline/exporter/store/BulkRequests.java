package dev.sightline.exporter.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
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
      var response = send(client, request);
      if (response.errors()) {
        for (var item : response.items()) {
          if (item.error() != null) {
            failures.add(
                item.error().type(), item.index(), item.id(), item.status(), item.error().reason());
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new StoreException(failures.build());
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

  private static co.elastic.clients.elasticsearch.core.BulkResponse send(
      ElasticsearchClient client, BulkRequest request) {
    var what = "bulk of " + request.operations().size() + " documents";
    try {
      return client.bulk(request);
    } catch (ElasticsearchException e) {
      throw new StoreException(
          what + " failed: HTTP " + e.status() + " " + e.error().type() + ": " + e.error().reason(),
          e);
    } catch (IOException e) {
      throw new StoreException(what + " failed: Elasticsearch unreachable (" + e + ")", e);
    } catch (RuntimeException e) {
      throw new StoreException(what + " failed: " + e, e);
    }
  }
}
