package dev.sightline.exporter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.schema.ReadModelSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * {@link UpgradeStore} on the low-level REST client: {@code GET <patterns>/_alias} to find the
 * versions of an index, a filtered {@code _search} without sort for a page of the partition's
 * documents ({@code filter_path} keeps ids and sources), {@code _bulk} {@code create} and {@code
 * delete} items. The same requests for Elasticsearch 8 and 9 and OpenSearch 2 and 3. Thread-safe as
 * the client is.
 */
public final class ElasticsearchUpgrade implements UpgradeStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient client;
  private final Duration bulkTimeout;

  /**
   * @param bulkTimeout the bulks' {@code timeout}, null for the node's default
   */
  public ElasticsearchUpgrade(RestClient client, Duration bulkTimeout) {
    this.client = client;
    this.bulkTimeout = bulkTimeout;
  }

  @Override
  public CompletableFuture<Map<String, Set<String>>> indices(List<String> patterns) {
    var what = "list of the indices " + patterns;
    return RestCalls.performAsync(client, aliasesRequest(patterns), what)
        .thenApply(response -> aliasesByIndex(RestCalls.json(response, what)));
  }

  /**
   * Longer request lines are refused ({@code too_long_http_line_exception}: 4096 bytes by default,
   * {@code http.max_initial_line_length}); a long multi-byte prefix gets there with eight patterns.
   */
  static final int MAX_PATTERNS_LENGTH = 2048;

  /**
   * {@code GET <patterns>/_alias}: the open indices that match, each with its aliases. Patterns too
   * long for one request line become their common beginning and a wildcard: a superset, which the
   * caller matches by exact name anyway.
   */
  static Request aliasesRequest(List<String> patterns) {
    var names =
        patterns.stream().map(RestCalls::segmentKeepingWildcards).collect(Collectors.joining(","));
    if (names.length() > MAX_PATTERNS_LENGTH) {
      names = RestCalls.segmentKeepingWildcards(commonBeginning(patterns) + "*");
    }
    var request = new Request("GET", "/" + names + "/_alias");
    request.addParameter("expand_wildcards", "open");
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("allow_no_indices", "true");
    return request;
  }

  private static String commonBeginning(List<String> patterns) {
    var common = patterns.getFirst();
    for (var pattern : patterns) {
      var length = 0;
      while (length < Math.min(common.length(), pattern.length())
          && common.charAt(length) == pattern.charAt(length)) {
        length++;
      }
      common = common.substring(0, length);
    }
    var wildcard = common.indexOf('*');
    return wildcard < 0 ? common : common.substring(0, wildcard);
  }

  /** {@code {"<index>": {"aliases": {"<alias>": {…}}}}} → index → alias names. */
  static Map<String, Set<String>> aliasesByIndex(Map<String, Object> answer) {
    var indices = new TreeMap<String, Set<String>>();
    answer.forEach(
        (index, entry) -> {
          var aliases = new TreeSet<String>();
          if (entry instanceof Map<?, ?> map && map.get("aliases") instanceof Map<?, ?> named) {
            named.keySet().forEach(alias -> aliases.add(String.valueOf(alias)));
          }
          indices.put(index, aliases);
        });
    return indices;
  }

  @Override
  public CompletableFuture<Void> refresh(String index) {
    var request = new Request("POST", "/" + RestCalls.segment(index) + "/_refresh");
    request.addParameter("ignore_unavailable", "true");
    return RestCalls.performAsync(client, request, "refresh " + index).thenApply(response -> null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<List<Source>> page(String index, int partitionId, int size) {
    var what = "search of partition " + partitionId + "'s documents in " + index;
    var request =
        RestCalls.request(
            "POST",
            "/" + RestCalls.segment(index) + "/_search",
            "{\"size\":"
                + size
                + ",\"track_total_hits\":false,\"query\":{\"bool\":{\"should\":[{\"term\":{\""
                + ReadModelSchema.PARTITION_ID
                + "\":"
                + partitionId
                + "}},{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\""
                + ReadModelSchema.PARTITION_ID
                + "\"}}]}}],\"minimum_should_match\":1}}}");
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("filter_path", "hits.hits._id,hits.hits._source");
    return RestCalls.performAsync(client, request, what)
        .thenApply(
            response -> {
              var sources = new ArrayList<Source>();
              if (RestCalls.json(response, what).get("hits") instanceof Map<?, ?> hits
                  && hits.get("hits") instanceof List<?> list) {
                for (var hit : list) {
                  if (hit instanceof Map<?, ?> found
                      && found.get("_id") instanceof String id
                      && found.get("_source") instanceof Map<?, ?> source) {
                    sources.add(new Source(id, new LinkedHashMap<>((Map<String, Object>) source)));
                  }
                }
              }
              return sources;
            });
  }

  @Override
  public CompletableFuture<BulkItemFailures> create(String index, List<Source> documents) {
    return BulkRequests.sendAsync(
        client,
        documents.stream()
            .map(document -> BulkLines.create(index, document.id(), document.fields()))
            .toList(),
        false,
        bulkTimeout);
  }

  @Override
  public CompletableFuture<Map<String, Long>> positions(String index, List<String> ids) {
    var what = "multi-get of " + ids.size() + " positions in " + index;
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("ids", ids));
    } catch (JsonProcessingException e) {
      return CompletableFuture.failedFuture(new StoreException(what + " failed: " + e, e));
    }
    var request = RestCalls.request("POST", "/" + RestCalls.segment(index) + "/_mget", body);
    request.addParameter("_source_includes", ReadModelSchema.POSITION);
    request.addParameter("filter_path", "docs._id,docs._source");
    return RestCalls.performAsync(client, request, what)
        .thenApply(
            response -> {
              var positions = new TreeMap<String, Long>();
              if (RestCalls.json(response, what).get("docs") instanceof List<?> docs) {
                for (var doc : docs) {
                  if (doc instanceof Map<?, ?> found
                      && found.get("_id") instanceof String id
                      && found.get("_source") instanceof Map<?, ?> source
                      && source.get(ReadModelSchema.POSITION) instanceof Number position) {
                    positions.put(id, position.longValue());
                  }
                }
              }
              return positions;
            });
  }

  @Override
  public CompletableFuture<BulkItemFailures> delete(List<DocumentKey> documents) {
    return BulkRequests.sendAsync(
        client, documents.stream().map(BulkLines::delete).toList(), false, bulkTimeout);
  }
}
