package dev.sightline.it.cluster;

import dev.sightline.probe.host.BrokerHost;
import io.micrometer.core.instrument.Meter;
import java.util.Comparator;
import java.util.Map;

/**
 * What the exporters were doing when a partition stopped acknowledging: their write-path meters and
 * the host's partition and client threads, for the failure message of a fault run.
 */
final class HostDiagnosis {

  private HostDiagnosis() {}

  static String of(BrokerHost host) {
    var text = new StringBuilder("exporter meters:");
    host.meterRegistry().getMeters().stream()
        .filter(meter -> meter.getId().getName().startsWith("sightline.exporter"))
        .filter(meter -> !meter.getId().getName().contains("latency"))
        .sorted(Comparator.comparing(meter -> meter.getId().toString()))
        .forEach(meter -> text.append("\n  ").append(describe(meter)));
    text.append("\nthreads:");
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      var name = entry.getKey().getName();
      if (name.startsWith("sightline-host") || name.startsWith("I/O dispatcher")) {
        text.append("\n  ").append(name).append(' ').append(entry.getKey().getState());
        var frames = entry.getValue();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
          text.append("\n      at ").append(frames[i]);
        }
      }
    }
    return text.toString();
  }

  private static String describe(Meter meter) {
    var values = new StringBuilder();
    meter
        .measure()
        .forEach(m -> values.append(' ').append(m.getStatistic()).append('=').append(m.getValue()));
    return meter.getId().getName() + meter.getId().getTags() + values;
  }
}
