package dev.sightline.exporter.batch;

/** Identity of one read-model document: records of the same entity merge under one key. */
public record DocumentKey(String index, String id) {}
