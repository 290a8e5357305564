package dev.sightline.it.cluster;

import dev.sightline.probe.host.BrokerHost;
import dev.sightline.probe.host.source.AppendingRecordSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far each partition's acknowledgement trails its log (positions appended minus acknowledged),
 * sampled twice a second around a fault and printed with the outcome: the shape of a slow catch-up
 * (a stall that ends at once, or a slow climb) instead of one number.
 */
final class LagTimeline {

  private static final Duration EVERY = Duration.ofMillis(500);

  private record Sample(long nanos, Map<Integer, Long> lags) {}

  private final BrokerHost host;
  private final String exporter;
  private final Map<Integer, AppendingRecordSource> sources;
  private final long startNanos = System.nanoTime();
  private final List<Sample> samples = new ArrayList<>();
  private final Thread sampler;
  private volatile long struckNanos = Long.MAX_VALUE;

  private LagTimeline(
      BrokerHost host, String exporter, Map<Integer, AppendingRecordSource> sources) {
    this.host = host;
    this.exporter = exporter;
    this.sources = sources;
    this.sampler = Thread.ofPlatform().daemon().name("lag-timeline").start(this::sample);
  }

  static LagTimeline start(
      BrokerHost host, String exporter, Map<Integer, AppendingRecordSource> sources) {
    return new LagTimeline(host, exporter, sources);
  }

  private Map<Integer, Long> lags() {
    var lags = new TreeMap<Integer, Long>();
    sources.forEach(
        (partition, source) ->
            lags.put(
                partition, source.lastPosition() - host.acknowledgedPosition(partition, exporter)));
    return lags;
  }

  /** Times in the printed timeline count from here. */
  void struck(long nanos) {
    struckNanos = nanos;
  }

  /** Stops sampling and returns the timeline. */
  String stop() throws InterruptedException {
    sampler.interrupt();
    sampler.join();
    var text = new StringBuilder("lag (positions appended - acknowledged), ms from the fault:");
    synchronized (samples) {
      for (var sample : samples) {
        var base = struckNanos == Long.MAX_VALUE ? startNanos : struckNanos;
        text.append("\n  ")
            .append((sample.nanos() - base) / 1_000_000)
            .append(" ms ")
            .append(sample.lags());
      }
    }
    return text.toString();
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      var sample = new Sample(System.nanoTime(), lags());
      synchronized (samples) {
        samples.add(sample);
      }
      try {
        Thread.sleep(EVERY);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
