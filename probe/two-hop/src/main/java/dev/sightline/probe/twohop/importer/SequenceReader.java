package dev.sightline.probe.twohop.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.store.ElasticsearchErrors;
import dev.sightline.exporter.store.RestCalls;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Reads one (partition, value type) of the record indices in sequence order, a batch at a time, as
 * the 8.6 importers did: a {@code _search} of the alias, filtered by partition and {@code sequence
 * > last}, sorted by sequence. A missing record index (or alias) is an empty batch, never an error:
 * camunda/camunda#26046 raised one there, which skipped the completion check forever.
 */
final class SequenceReader implements RecordBatches {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One fetched record: its raw JSON and where it came from. */
  record Hit(String json, long sequence, long position, String index) {}

  private final RestClient client;
  private final String alias;
  private final int partitionId;
  private final int batchSize;

  SequenceReader(RestClient client, String alias, int partitionId, int batchSize) {
    this.client = client;
    this.alias = alias;
    this.partitionId = partitionId;
    this.batchSize = batchSize;
  }

  @Override
  public List<Hit> after(long sequence) {
    var what = "reading " + alias;
    try {
      var response = client.performRequest(request(alias, partitionId, sequence, batchSize));
      try (var body = response.getEntity().getContent()) {
        return hits(body);
      }
    } catch (ResponseException e) {
      if (ElasticsearchErrors.INDEX_NOT_FOUND.equals(RestCalls.answer(e).type())) {
        return List.of();
      }
      throw RestCalls.failure(what, e);
    } catch (IOException | RuntimeException e) {
      throw RestCalls.failure(what, e);
    }
  }

  /** The next batch after {@code sequence}: only the hits' index and source come back. */
  static Request request(String alias, int partitionId, long sequence, int batchSize) {
    var body = JSON.createObjectNode();
    body.put("size", batchSize);
    body.putArray("sort").addObject().putObject("sequence").put("order", "asc");
    var filter = body.putObject("query").putObject("bool").putArray("filter");
    filter.addObject().putObject("term").put("partitionId", partitionId);
    filter.addObject().putObject("range").putObject("sequence").put("gt", sequence);
    var request =
        RestCalls.request("POST", "/" + RestCalls.segment(alias) + "/_search", body.toString());
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("allow_no_indices", "true");
    request.addParameter("filter_path", "hits.hits._index,hits.hits._source");
    return request;
  }

  /** The hits of a search answer, in its order; {@code {}} (no hits, as filtered) is none. */
  static List<Hit> hits(InputStream body) throws IOException {
    var hits = JSON.readTree(body).path("hits").path("hits");
    var found = new ArrayList<Hit>(hits.size());
    for (var hit : hits) {
      var source = hit.path("_source");
      found.add(
          new Hit(
              source.toString(),
              source.path("sequence").asLong(),
              source.path("position").asLong(),
              hit.path("_index").asText()));
    }
    return found;
  }
}
