package dev.sightline.probe.throughput;

import java.util.Map;

/** One document as Elasticsearch holds it: index, id and {@code _source}. */
record StoredDocument(String index, String id, Map<String, Object> source) {}
