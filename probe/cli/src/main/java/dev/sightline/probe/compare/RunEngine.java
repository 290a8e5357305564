package dev.sightline.probe.compare;

import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.Engine;
import dev.sightline.exporter.store.RestCalls;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.probe.es.ElasticsearchLease;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * The engine a run ran on, as its output and results name it ({@code OpenSearch 2.19.6}): the
 * version of the nodes the run started, or what the nodes given by URL say they are — detected as
 * the exporter detects it ({@link Engine#detect}), the version from the node's own info when {@code
 * GET /} does not disclose it (an Elasticsearch node without the main action, a user without the
 * {@code monitor} privilege).
 */
public final class RunEngine {

  private RunEngine() {}

  /**
   * The engine behind the lease.
   *
   * @throws StoreException if no node given by URL answers
   */
  public static String of(ElasticsearchLease lease) {
    var embedded = lease.embeddedVersion();
    if (embedded.isPresent()) {
      return embedded.get().displayName();
    }
    var urls = lease.urls().stream().map(Object::toString).collect(Collectors.joining(","));
    var connect = ConfigParser.parse(Map.of("connect.url", urls)).connect();
    try (var client = ElasticsearchClients.create(connect)) {
      var engine = Engine.detect(client);
      return describe(engine, engine.version() == null ? nodeVersion(client) : Optional.empty());
    } catch (IOException e) {
      throw new StoreException("closing the client of " + urls + " failed: " + e, e);
    }
  }

  /** What the node at a URL says it is; the version from its node info if {@code GET /} hid it. */
  static String describe(Engine detected, Optional<String> nodeVersion) {
    return nodeVersion
        .map(version -> new Engine(detected.product(), version))
        .orElse(detected)
        .toString();
  }

  /** {@code GET /_nodes/_local}: the version of the node answering; empty if it does not say. */
  private static Optional<String> nodeVersion(RestClient client) {
    var request = new Request("GET", "/_nodes/_local");
    request.addParameter("filter_path", "nodes.*.version");
    try {
      var body = RestCalls.json(RestCalls.perform(client, request, "nodes info"), "nodes info");
      return nodeVersion(body);
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  /** From {@code {"nodes": {"<id>": {"version": "9.5.3"}}}}. */
  static Optional<String> nodeVersion(Map<String, Object> body) {
    if (body.get("nodes") instanceof Map<?, ?> nodes) {
      for (var node : nodes.values()) {
        if (node instanceof Map<?, ?> info && info.get("version") instanceof String version) {
          return Optional.of(version);
        }
      }
    }
    return Optional.empty();
  }
}
