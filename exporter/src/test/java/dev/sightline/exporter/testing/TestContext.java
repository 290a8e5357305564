package dev.sightline.exporter.testing;

import io.camunda.zeebe.exporter.api.context.Configuration;
import io.camunda.zeebe.exporter.api.context.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.InstantSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A broker context for unit tests: given args, partition and clock; captures the filter. */
public final class TestContext implements Context {

  private final Map<String, Object> args;
  private final int partitionId;
  private final InstantSource clock;
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final Logger logger;
  private RecordFilter filter;

  public TestContext(Map<String, Object> args, int partitionId, InstantSource clock) {
    this(
        args,
        partitionId,
        clock,
        LoggerFactory.getLogger("dev.sightline.exporter.test.partition-" + partitionId));
  }

  /** With a logger of the test's own, e.g. one that captures what the exporter logs. */
  public TestContext(
      Map<String, Object> args, int partitionId, InstantSource clock, Logger logger) {
    this.args = args;
    this.partitionId = partitionId;
    this.clock = clock;
    this.logger = logger;
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return registry;
  }

  @Override
  public Logger getLogger() {
    return logger;
  }

  @Override
  public InstantSource clock() {
    return clock;
  }

  @Override
  public Configuration getConfiguration() {
    return new Configuration() {
      @Override
      public String getId() {
        return "sightline";
      }

      @Override
      public Map<String, Object> getArguments() {
        return args;
      }

      @Override
      public <T> T instantiate(Class<T> configClass) {
        throw new UnsupportedOperationException("Sightline parses its arguments itself");
      }
    };
  }

  @Override
  public int getPartitionId() {
    return partitionId;
  }

  @Override
  public void setFilter(RecordFilter filter) {
    this.filter = filter;
  }

  public RecordFilter filter() {
    return filter;
  }
}
