/**
 * The reader-side latency probe ({@code docs/latency.md}): measures {@code visible}, the first
 * moment a {@code _search} finds a document, for sampled entities. Callers register {@link
 * dev.sightline.probe.latency.Expectation}s; {@link dev.sightline.probe.latency.VisibilityProbe}'s
 * poller thread, separate from the exporter's threads, polls every pending id of an index with one
 * batched search per poll interval and records the latency from the record's timestamp into an
 * HdrHistogram recorder per stage.
 */
package dev.sightline.probe.latency;
