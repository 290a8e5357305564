/**
 * Per-record latency stages measured inside the exporter ({@code docs/latency.md}): {@code
 * exporter-lag}, {@code batch-wait}, {@code bulk}, {@code flushed} and, for sampled documents,
 * {@code visible} ({@code dev.sightline.exporter.visibility}), kept in HdrHistogram recorders per
 * stage and value type, published as Micrometer timers and, optionally, written as interval {@code
 * .hlog} files.
 *
 * <p>The path: {@link dev.sightline.exporter.latency.LatencyTracker} is told when a record is
 * accepted and when a flush starts and succeeds; at flush end one pass ({@link
 * dev.sightline.exporter.latency.FlushPass}) records every record of the batch into {@link
 * dev.sightline.exporter.latency.StageRecorders}; a periodic tick ({@link
 * dev.sightline.exporter.latency.LatencyReporter}) takes interval histograms and hands them to
 * {@link dev.sightline.exporter.latency.LatencyMeters} and {@link
 * dev.sightline.exporter.latency.RollingHlog}, which rolls the partition's {@code .hlog} files.
 * Everything runs on the exporter's thread; the recorders may also be read from one other thread.
 */
package dev.sightline.exporter.latency;
