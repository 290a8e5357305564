package dev.sightline.probe.host.testjar;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.protocol.record.Record;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The exporter that tests put into a jar. It reports every call, with the context class loader and
 * the loaders of the classes it uses, to {@link JarProbe}; it schedules one task on open and
 * acknowledges every record it exports.
 */
public final class JarProbeExporter implements Exporter {

  /** Its configuration, filled by {@code Configuration#instantiate}. */
  public static final class Config {
    public String probeId = "default";
    public String failValidation = "";
    public long taskDelayMillis = 100;
  }

  private Config config = new Config();
  private Context context;
  private Controller controller;

  @Override
  public void configure(Context context) {
    this.context = context;
    this.config = context.getConfiguration().instantiate(Config.class);
    report("configure", -1);
    if (context.getPartitionId() == Integer.MIN_VALUE && !config.failValidation.isEmpty()) {
      throw new IllegalStateException(config.failValidation);
    }
  }

  @Override
  public void open(Controller controller) {
    this.controller = controller;
    report("open", -1);
    controller.scheduleCancellableTask(
        Duration.ofMillis(config.taskDelayMillis), () -> report("scheduledTask", -1));
  }

  @Override
  public void export(Record<?> record) {
    report("export", record.getPosition());
    controller.updateLastExportedRecordPosition(record.getPosition());
  }

  @Override
  public void close() {
    report("close", -1);
  }

  @Override
  public void purge() {
    report("purge", -1);
  }

  private void report(String call, long position) {
    Thread thread = Thread.currentThread();
    Map<String, ClassLoader> loaders =
        Map.of(
            "self", getClass().getClassLoader(),
            "marker", SharedMarker.class.getClassLoader(),
            "exporterApi", Exporter.class.getClassLoader(),
            "protocol", Record.class.getClassLoader(),
            "slf4j", Logger.class.getClassLoader(),
            "micrometer", MeterRegistry.class.getClassLoader());
    JarProbe.record(
        config.probeId,
        new JarProbe.Event(
            call,
            context.getPartitionId(),
            System.identityHashCode(this),
            position,
            thread.getName(),
            thread.getContextClassLoader(),
            loaders));
  }
}
