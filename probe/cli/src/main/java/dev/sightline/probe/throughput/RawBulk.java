package dev.sightline.probe.throughput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.store.BulkItem;
import dev.sightline.exporter.store.BulkLines;
import dev.sightline.exporter.store.BulkRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.elasticsearch.client.RestClient;

/**
 * The yardstick: ready documents bulk-indexed with the same client and the same bulk code as the
 * exporter's ({@link BulkLines}, {@link BulkRequests}), the same bulk size and as many concurrent
 * writers as the exporter has partitions — what the engine takes when nobody has to compute the
 * documents from records.
 */
final class RawBulk {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient client;
  private final int bulkSize;
  private final int writers;

  RawBulk(RestClient client, int bulkSize, int writers) {
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

  /**
   * One request per {@code bulkSize} documents, each an {@code index} of its source as it is; a
   * rejected document fails the run ({@code StoreException}: the rejections grouped by type).
   */
  private void writeShare(List<StoredDocument> share, UnaryOperator<String> targetIndex)
      throws JsonProcessingException {
    for (int from = 0; from < share.size(); from += bulkSize) {
      var bulk = share.subList(from, Math.min(share.size(), from + bulkSize));
      var items = new ArrayList<BulkItem>(bulk.size());
      for (var document : bulk) {
        items.add(
            BulkLines.index(
                targetIndex.apply(document.index()),
                document.id(),
                null,
                JSON.writeValueAsBytes(document.source())));
      }
      BulkRequests.send(client, items, Long.MAX_VALUE);
    }
  }
}
