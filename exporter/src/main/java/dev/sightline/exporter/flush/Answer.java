package dev.sightline.exporter.flush;

import dev.sightline.exporter.store.BulkItemFailures;

/**
 * Elasticsearch's answer to one bulk, handed from the client's I/O thread to the exporter thread:
 * the rejected items, or the request's failure ({@code error} not null).
 */
public record Answer(long bulkId, BulkItemFailures failures, Throwable error) {}
