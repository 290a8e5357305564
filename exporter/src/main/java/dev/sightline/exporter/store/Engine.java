package dev.sightline.exporter.store;

import java.io.IOException;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The search engine behind {@code connect.url}, and the one place that says where Elasticsearch and
 * OpenSearch differ for the exporter. The exporter sends the same requests to both with the same
 * settings; the engine is detected at first contact for the log, never to choose a request.
 *
 * <p>Every request the exporter makes was sent to Elasticsearch 9.5.3 and OpenSearch 2.19.6 and the
 * answers compared ({@code docs/operations.md}, "Engines: Elasticsearch and OpenSearch"). The same
 * on both: composable index templates ({@code PUT /_index_template} with {@code priority} and
 * {@code template.settings}/{@code mappings}), strict mappings with {@code ignore_above}, {@code
 * index: false} + {@code doc_values: false} and {@code enabled: false} objects; {@code HEAD}/{@code
 * PUT} of an index ({@code resource_already_exists_exception}); {@code _bulk} with {@code update} +
 * {@code doc_as_upsert} + {@code retry_on_conflict} and {@code refresh=true}; {@code _refresh},
 * {@code _count}, {@code _search} and {@code GET} of an index pattern with {@code
 * ignore_unavailable}/{@code allow_no_indices}; {@code GET _doc} ({@code found: false}, 404 {@code
 * index_not_found_exception} for a missing index); deletes ({@code
 * index_template_missing_exception}); {@code cluster_block_exception} with the same block ids.
 * Where they differ:
 *
 * <ol>
 *   <li>{@code GET /}: OpenSearch answers {@code version.distribution: "opensearch"} and its
 *       version; Elasticsearch has no {@code distribution}. It needs the {@code monitor} privilege,
 *       and the Elasticsearch nodes of the tests have no main action (405): the engine then comes
 *       from the header below, its version stays unknown.
 *   <li>{@code X-Elastic-Product: Elasticsearch} is on every answer of Elasticsearch 8+ and never
 *       on OpenSearch's. The exporter does not check it (elasticsearch-java does, and refuses
 *       OpenSearch: the exporter does not use it).
 *   <li>Error types named after an exception class carrying the product's name: overload is {@link
 *       #ES_REJECTED_EXECUTION} on Elasticsearch, {@link #OS_REJECTED_EXECUTION} on OpenSearch
 *       (both 429, both retried: {@link ElasticsearchErrors}); no master is {@code
 *       master_not_discovered_exception} vs {@code cluster_manager_not_discovered_exception} (503,
 *       retried by status).
 *   <li>A document that does not fit its mapping: Elasticsearch 8.x/9.x answers {@code
 *       document_parsing_exception} (reasons start with {@code [line:column]}), OpenSearch {@code
 *       mapper_parsing_exception}; both go to the dead-letter index.
 *   <li>The bulk answer: OpenSearch writes {@code took} before {@code errors} ({@link
 *       BulkResponses} reads any order).
 *   <li>Authentication: API keys ({@code Authorization: ApiKey}, {@code connect.apiKey}) are
 *       Elasticsearch's; OpenSearch's security plugin takes basic authentication ({@code
 *       connect.username}/{@code connect.password}). AWS SigV4 request signing is not supported.
 * </ol>
 *
 * @param version the engine's version number, or {@code null} if it did not say
 */
public record Engine(Product product, String version) {

  /** Elasticsearch's error type for a rejected execution (thread pool full). */
  public static final String ES_REJECTED_EXECUTION = "es_rejected_execution_exception";

  /** OpenSearch's error type for a rejected execution (thread pool full). */
  public static final String OS_REJECTED_EXECUTION = "rejected_execution_exception";

  /** The header Elasticsearch 8+ puts on every answer. */
  public static final String ELASTIC_PRODUCT_HEADER = "X-Elastic-Product";

  /** The product behind the URL. */
  public enum Product {
    ELASTICSEARCH("Elasticsearch"),
    OPENSEARCH("OpenSearch"),
    /** It did not say: no readable {@code GET /} and no {@code X-Elastic-Product}. */
    UNKNOWN("an unidentified engine");

    private final String label;

    Product(String label) {
      this.label = label;
    }
  }

  /**
   * Asks {@code GET /}. An answer that is not 200 (no privilege, no main action) still tells
   * Elasticsearch by its header.
   *
   * @throws StoreException if nothing answered
   */
  public static Engine detect(RestClient client) {
    var what = "GET / (engine and version)";
    try {
      var response = client.performRequest(new Request("GET", "/"));
      return of(
          response.getStatusLine().getStatusCode(),
          RestCalls.json(response, what),
          elasticProduct(response.getHeader(ELASTIC_PRODUCT_HEADER)));
    } catch (ResponseException e) {
      var response = e.getResponse();
      return of(
          response.getStatusLine().getStatusCode(),
          Map.of(),
          elasticProduct(response.getHeader(ELASTIC_PRODUCT_HEADER)));
    } catch (IOException | RuntimeException e) {
      throw RestCalls.failure(what, e);
    }
  }

  /**
   * The engine from the answer to {@code GET /}.
   *
   * @param elasticProduct whether the answer carried {@code X-Elastic-Product: Elasticsearch}
   */
  public static Engine of(int status, Map<String, Object> body, boolean elasticProduct) {
    if (status == 200 && body.get("version") instanceof Map<?, ?> version) {
      var number = version.get("number") instanceof String text ? text : null;
      if ("opensearch".equals(version.get("distribution"))) {
        return new Engine(Product.OPENSEARCH, number);
      }
      return new Engine(Product.ELASTICSEARCH, number);
    }
    return new Engine(elasticProduct ? Product.ELASTICSEARCH : Product.UNKNOWN, null);
  }

  static boolean elasticProduct(String header) {
    return "Elasticsearch".equals(header);
  }

  /** E.g. {@code OpenSearch 2.19.6}, {@code Elasticsearch (version not disclosed)}. */
  @Override
  public String toString() {
    return product.label + (version == null ? " (version not disclosed)" : " " + version);
  }
}
