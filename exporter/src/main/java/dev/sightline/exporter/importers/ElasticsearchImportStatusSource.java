package dev.sightline.exporter.importers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.config.ExporterConfig;
import dev.sightline.exporter.config.ImportersConfig;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.RestCalls;
import dev.sightline.exporter.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Gathers the {@link ImportFacts} of a partition from Elasticsearch: whether record indices ({@code
 * <recordIndexPrefix>_*}, Zeebe's {@code zeebe-record_<value-type>_<version>_<date>}) exist, how
 * many records of the partition they hold, which import-position indices exist and the partition's
 * import-position documents. What they mean is {@link ImportFacts#status()}'s to say.
 */
final class ElasticsearchImportStatusSource implements ImportStatusSource {

  private static final int MAX_READERS = 1_000;
  private static final String WHAT = "import status check";

  private final RestClient client;
  private final ImportersConfig importers;

  private ElasticsearchImportStatusSource(RestClient client, ImportersConfig importers) {
    this.client = client;
    this.importers = importers;
  }

  static ImportStatusSource create(ExporterConfig config, ObjectMapper json) {
    return new ElasticsearchImportStatusSource(
        ElasticsearchClients.create(config.connect()), config.importers());
  }

  @Override
  public ImportStatus check(int partitionId) {
    try {
      var refreshed = refreshRecordIndices();
      var status = facts(partitionId).status();
      if (!refreshed && status.state() == ImportStatus.State.NOTHING_TO_WAIT_FOR) {
        return ImportStatus.nothingToWaitFor(
            status.detail()
                + "; counted without refreshing "
                + recordIndices().getFirst()
                + " (no privilege to: records written within its refresh interval are not seen)");
      }
      return status;
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException(WHAT + " failed: " + e, e);
    }
  }

  /**
   * A count sees refreshed documents only, and the old broker's last records may be younger than a
   * refresh interval: the gate once opened on a count of 0 for records acknowledged moments before.
   * Refreshing first makes every record the record indices hold countable. Returns false when the
   * user may not refresh them (403: the index privilege {@code maintenance} is missing); the count
   * then sees what is visible, which suffices unless the old broker stopped within the interval.
   */
  private boolean refreshRecordIndices() {
    var refresh = lenient(new Request("POST", path(recordIndices()) + "/_refresh"));
    try {
      client.performRequest(refresh);
      return true;
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 403) {
        return false;
      }
      throw RestCalls.failure(WHAT, e);
    } catch (IOException e) {
      throw RestCalls.failure(WHAT, e);
    }
  }

  /** Zeebe's record indices: {@code <recordIndexPrefix>_*}. */
  private List<String> recordIndices() {
    return List.of(importers.recordIndexPrefix() + "_*");
  }

  private ImportFacts facts(int partitionId) {
    var recordIndices = recordIndices();
    if (existing(recordIndices).isEmpty()) {
      return new ImportFacts(false, 0, Set.of(), List.of());
    }
    var ofPartition = "{\"term\":{\"partitionId\":" + partitionId + "}}";
    var count =
        RestCalls.json(
            RestCalls.perform(
                client,
                lenient(
                    RestCalls.request(
                        "POST",
                        path(recordIndices) + "/_count",
                        "{\"query\":" + ofPartition + "}")),
                WHAT),
            WHAT);
    var records = ((Number) count.getOrDefault("count", 0)).longValue();
    var positionIndices = existing(importers.positionIndices());
    var search =
        RestCalls.json(
            RestCalls.perform(
                client,
                lenient(
                    RestCalls.request(
                        "POST",
                        path(importers.positionIndices()) + "/_search",
                        "{\"size\":" + MAX_READERS + ",\"query\":" + ofPartition + "}")),
                WHAT),
            WHAT);
    var positions =
        hits(search).stream()
            .map(
                hit -> {
                  var source =
                      hit.get("_source") instanceof Map<?, ?> map ? map : Map.<String, Object>of();
                  return new ImportFacts.Position(
                      String.valueOf(hit.get("_index")),
                      String.valueOf(source.get("aliasName")),
                      Boolean.TRUE.equals(source.get("completed")));
                })
            .toList();
    return new ImportFacts(true, records, positionIndices, positions);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> hits(Map<String, Object> search) {
    if (search.get("hits") instanceof Map<?, ?> hits && hits.get("hits") instanceof List<?> list) {
      return (List<Map<String, Object>>) list;
    }
    return List.of();
  }

  private Set<String> existing(List<String> patterns) {
    return RestCalls.json(
            RestCalls.perform(client, lenient(new Request("GET", path(patterns))), WHAT), WHAT)
        .keySet();
  }

  private static String path(List<String> patterns) {
    return "/"
        + patterns.stream()
            .map(RestCalls::segmentKeepingWildcards)
            .collect(Collectors.joining(","));
  }

  private static Request lenient(Request request) {
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("allow_no_indices", "true");
    return request;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Nothing pending on this client.
    }
  }
}
