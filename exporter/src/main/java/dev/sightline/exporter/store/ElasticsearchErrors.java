package dev.sightline.exporter.store;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the exporter does with each answer of Elasticsearch, by HTTP status and error type, whatever
 * client sent the request: only a refusal no retry can change goes to the dead-letter index; a
 * refusal the cluster may lift (a block, missing privileges, overload, a failure) keeps the batch
 * and backs off; a missing index makes the exporter create its schema again first. {@code
 * docs/operations.md} shows the same table ({@code OperationsDocTest} checks every row), with what
 * an operator should do; {@link #advice} says it in the log.
 */
public final class ElasticsearchErrors {

  /** What to do with a document (or request) Elasticsearch refused. */
  public enum Handling {
    /** The document itself is wrong for the index (mapping, parsing, size): no retry can help. */
    DEAD_LETTER("dead-letter"),
    /** The cluster refuses for now: keep the batch whole, acknowledge nothing, back off. */
    RETRY("retry"),
    /** The index is gone: create the templates and indices again, then retry. */
    RECREATE_SCHEMA("recreate the schema, retry");

    private final String label;

    Handling(String label) {
      this.label = label;
    }

    /** The words docs/operations.md uses for it. */
    public String label() {
      return label;
    }
  }

  public static final String INDEX_NOT_FOUND = "index_not_found_exception";
  public static final String CLUSTER_BLOCK = "cluster_block_exception";
  public static final String SECURITY = "security_exception";

  /**
   * The exporter's name for a single document the node refused as too large (HTTP 413 from {@code
   * http.max_content_length}, an answer without a body).
   */
  public static final String CONTENT_TOO_LARGE = "content_too_large";

  /** The document is wrong for the index; the same bytes are refused every time. */
  static final Set<String> DOCUMENT_ERRORS =
      Set.of(
          "mapper_parsing_exception",
          "document_parsing_exception",
          "strict_dynamic_mapping_exception",
          "illegal_argument_exception",
          "x_content_parse_exception",
          "action_request_validation_exception",
          CONTENT_TOO_LARGE);

  /**
   * Refusals the cluster lifts: an operator's or the disk watermark's block, privileges, a closed
   * index, concurrent writers, back-pressure.
   */
  static final Set<String> PASSING_ERRORS =
      Set.of(
          CLUSTER_BLOCK,
          SECURITY,
          "index_closed_exception",
          "version_conflict_engine_exception",
          Engine.ES_REJECTED_EXECUTION,
          Engine.OS_REJECTED_EXECUTION,
          "circuit_breaking_exception");

  private static final int BAD_REQUEST = 400;
  private static final int TOO_LARGE = 413;
  private static final Pattern BLOCK_ID = Pattern.compile("\\[[A-Z_]+/(\\d+)/");

  private ElasticsearchErrors() {}

  /**
   * The error type names first (it says what went wrong); the status decides only for types not
   * known here: 400 (the request is malformed) and 413 (the document is larger than the node takes)
   * are refused again whatever happens, anything else may pass.
   *
   * @param type Elasticsearch's {@code error.type}; null when the answer had no body
   */
  public static Handling handling(int status, String type) {
    if (INDEX_NOT_FOUND.equals(type)) {
      return Handling.RECREATE_SCHEMA;
    }
    if (type != null && PASSING_ERRORS.contains(type)) {
      return Handling.RETRY;
    }
    if (type != null && DOCUMENT_ERRORS.contains(type)) {
      return Handling.DEAD_LETTER;
    }
    return status == BAD_REQUEST || status == TOO_LARGE ? Handling.DEAD_LETTER : Handling.RETRY;
  }

  /** Every error type this class names: docs/operations.md has a row for each. */
  public static Set<String> namedTypes() {
    var all = new java.util.TreeSet<>(DOCUMENT_ERRORS);
    all.addAll(PASSING_ERRORS);
    all.add(INDEX_NOT_FOUND);
    return all;
  }

  /** A read of a document in a missing index: the document is not there (nothing was written). */
  public static boolean isMissingIndex(int status, String type) {
    return status == 404 && INDEX_NOT_FOUND.equals(type);
  }

  /**
   * What an operator should do, in one sentence for the log.
   *
   * @param reason Elasticsearch's reason, already {@link Reasons#withoutValues cleaned}
   * @param indices the indices concerned, e.g. {@code "a, b"}
   */
  public static String advice(int status, String type, String reason, String indices) {
    if (CLUSTER_BLOCK.equals(type)) {
      return blockAdvice(reason, indices);
    }
    if (SECURITY.equals(type)) {
      return status == 401
          ? "Elasticsearch refused the credentials: fix connect.username/connect.password or"
              + " connect.apiKey; the exporter retries"
          : "the exporter's user or API key lacks privileges on "
              + indices
              + ": grant it the cluster privilege manage_index_templates and the index privileges"
              + " manage (indices and their read aliases), read and write on <index.prefix>-*; the"
              + " exporter retries";
    }
    if (INDEX_NOT_FOUND.equals(type)) {
      return "index "
          + indices
          + " is missing (deleted while action.auto_create_index is false?): the exporter creates"
          + " its schema again and retries";
    }
    if ("index_closed_exception".equals(type)) {
      return "index " + indices + " is closed: open it with POST /" + indices + "/_open";
    }
    return switch (handling(status, type)) {
      case DEAD_LETTER ->
          "the document is wrong for the index (a manually created index or mapping?): it goes to"
              + " the dead-letter index under errors.onRejected=dead-letter";
      case RECREATE_SCHEMA -> "the exporter creates its schema again and retries";
      case RETRY ->
          status == 429
              ? "Elasticsearch is overloaded: give it more capacity or lower bulk.size; the"
                  + " exporter retries"
              : "the exporter retries; see Elasticsearch's log if it persists";
    };
  }

  /**
   * What an operator should do when a whole request (not one document of a bulk) was refused: as
   * {@link #advice}, except that a refusal no retry can change is the request's fault, not a
   * document's, and nothing goes to the dead-letter index.
   *
   * @param what the request, e.g. {@code "listing schema versions"}
   */
  public static String requestAdvice(
      String what, int status, String type, String reason, String indices) {
    if (handling(status, type) == Handling.DEAD_LETTER) {
      return "Elasticsearch refused the request itself ("
          + what
          + ") and will refuse it again: the exporter retries and writes nothing meanwhile; report"
          + " this line with the engine and its version";
    }
    return advice(status, type, reason, indices);
  }

  /**
   * Blocks by id (Elasticsearch's {@code ClusterBlock}): 5 read-only, 8 write, 12
   * read-only-allow-delete (disk flood stage), 6 and 13 their cluster-wide forms.
   */
  private static String blockAdvice(String reason, String indices) {
    var matcher = BLOCK_ID.matcher(reason == null ? "" : reason);
    var id = matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    var settings = "PUT /" + indices + "/_settings ";
    return switch (id) {
      case 8 ->
          "index "
              + indices
              + " has a write block (index.blocks.write, set by a shrink, split or clone, or by"
              + " hand); lift it with "
              + settings
              + "{\"index.blocks.write\": null}; the exporter retries";
      case 5 ->
          "index "
              + indices
              + " is read-only (index.blocks.read_only); lift it with "
              + settings
              + "{\"index.blocks.read_only\": null}; the exporter retries";
      case 12 ->
          "a disk passed the flood-stage watermark, so index "
              + indices
              + " is read-only-allow-delete: free disk space (Elasticsearch lifts the block once"
              + " usage falls below the high watermark) or lift it with "
              + settings
              + "{\"index.blocks.read_only_allow_delete\": null}; the exporter retries";
      case 6, 13 ->
          "the cluster is read-only (cluster.blocks.read_only"
              + (id == 13 ? "_allow_delete" : "")
              + "); lift it with PUT /_cluster/settings {\"persistent\": {\"cluster.blocks.read_only"
              + (id == 13 ? "_allow_delete" : "")
              + "\": null}}; the exporter retries";
      default ->
          "Elasticsearch blocks writes to "
              + indices
              + " ("
              + (reason == null ? "no reason given" : reason)
              + "): lift the block; the exporter retries";
    };
  }
}
