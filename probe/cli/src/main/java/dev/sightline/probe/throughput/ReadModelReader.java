package dev.sightline.probe.throughput;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads every document of some indices back, with a scroll (no sort on {@code _id}: 8.x forbids
 * it).
 */
final class ReadModelReader {

  private static final Time KEEP_ALIVE = Time.of(t -> t.time("1m"));
  private static final int PAGE = 1_000;

  private final ElasticsearchClient client;

  ReadModelReader(ElasticsearchClient client) {
    this.client = client;
  }

  @SuppressWarnings("unchecked")
  List<StoredDocument> readAll(List<String> indices) throws IOException {
    client.indices().refresh(r -> r.index(indices));
    var documents = new ArrayList<StoredDocument>();
    for (var index : indices) {
      var page = client.search(s -> s.index(index).size(PAGE).scroll(KEEP_ALIVE), Map.class);
      var scrollId = page.scrollId();
      var hits = page.hits().hits();
      try {
        while (!hits.isEmpty()) {
          for (var hit : hits) {
            documents.add(new StoredDocument(index, hit.id(), (Map<String, Object>) hit.source()));
          }
          var id = scrollId;
          var next = client.scroll(s -> s.scrollId(id).scroll(KEEP_ALIVE), Map.class);
          scrollId = next.scrollId();
          hits = next.hits().hits();
        }
      } finally {
        var id = scrollId;
        client.clearScroll(c -> c.scrollId(id));
      }
    }
    return documents;
  }

  long count(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
    return client.count(c -> c.index(index)).count();
  }
}
