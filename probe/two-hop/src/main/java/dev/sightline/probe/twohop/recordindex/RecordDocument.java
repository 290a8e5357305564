package dev.sightline.probe.twohop.recordindex;

/**
 * One record as the 8.6 Elasticsearch exporter indexed it: its index, id, routing and JSON source.
 */
record RecordDocument(String index, String id, String routing, byte[] source) {}
