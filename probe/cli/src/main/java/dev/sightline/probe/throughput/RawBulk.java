package dev.sightline.probe.throughput;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * The yardstick: ready documents bulk-indexed with the same client, the same bulk size and as many
 * concurrent writers as the exporter has partitions — what Elasticsearch takes when nobody has to
 * compute the documents from records.
 */
final class RawBulk {

  private final ElasticsearchClient client;
  private final int bulkSize;
  private final int writers;

  RawBulk(ElasticsearchClient client, int bulkSize, int writers) {
    this.client = client;
    this.bulkSize = bulkSize;
    this.writers = writers;
  }

  /**
   * Writes every document into {@code targetIndex.apply(document.index())}; returns the time it
   * took.
   */
  Duration write(List<StoredDocument> documents, UnaryOperator<String> targetIndex)
      throws Exception {
    var shares = new ArrayList<List<StoredDocument>>();
    for (int w = 0; w < writers; w++) {
      shares.add(new ArrayList<>());
    }
    for (int i = 0; i < documents.size(); i++) {
      shares.get(i % writers).add(documents.get(i));
    }
    try (var executor = Executors.newFixedThreadPool(writers)) {
      var started = System.nanoTime();
      var done = new ArrayList<Future<?>>();
      for (var share : shares) {
        done.add(
            executor.submit(
                () -> {
                  writeShare(share, targetIndex);
                  return null;
                }));
      }
      for (var future : done) {
        try {
          future.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "raw bulk failed: " + e.getCause().getMessage(), e.getCause());
        }
      }
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  private void writeShare(List<StoredDocument> share, UnaryOperator<String> targetIndex)
      throws IOException {
    for (int from = 0; from < share.size(); from += bulkSize) {
      var request = new BulkRequest.Builder();
      for (var document : share.subList(from, Math.min(share.size(), from + bulkSize))) {
        request.operations(
            o ->
                o.index(
                    i ->
                        i.index(targetIndex.apply(document.index()))
                            .id(document.id())
                            .document(document.source())));
      }
      var response = client.bulk(request.build());
      if (response.errors()) {
        var failed = response.items().stream().filter(item -> item.error() != null).toList();
        BulkResponseItem sample = failed.getFirst();
        throw new IllegalStateException(
            "%d of %d documents rejected, e.g. %s/%s: %s"
                .formatted(
                    failed.size(),
                    response.items().size(),
                    sample.index(),
                    sample.id(),
                    sample.error().reason()));
      }
    }
  }
}
