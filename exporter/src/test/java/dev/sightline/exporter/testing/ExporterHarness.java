package dev.sightline.exporter.testing;

import dev.sightline.exporter.SightlineExporter;
import dev.sightline.exporter.importers.ImportStatusSource;
import dev.sightline.probe.host.HostContext;
import dev.sightline.probe.host.actor.VirtualClock;
import dev.sightline.probe.host.config.ExporterConfiguration;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * One exporter on virtual time with an in-memory store: what the broker would do, driven by a test.
 * The context is the broker-like host's; the controller is {@link TestController}, which runs
 * scheduled tasks on the test's thread (the host's runs them on actor threads).
 */
public final class ExporterHarness {

  public static final long START_MILLIS = 1_800_000_000_000L;

  /** The exporter's id in the broker's configuration. */
  public static final String EXPORTER_ID = "sightline";

  public final VirtualClock clock;
  public final InMemoryStore store;
  public final TestController controller;
  public final HostContext context;
  public final SightlineExporter exporter;

  public ExporterHarness(Map<String, Object> args) {
    this(args, new VirtualClock(START_MILLIS), new InMemoryStore(), 1);
  }

  /** With the exporter's log going to {@code log}. */
  public ExporterHarness(Map<String, Object> args, org.slf4j.Logger log) {
    this(args, new VirtualClock(START_MILLIS), new InMemoryStore(), log);
  }

  /**
   * On a store whose bulks the test answers ({@link HeldStore}, on the same {@code clock}); {@link
   * #store} is the in-memory store behind it.
   */
  public static ExporterHarness held(Map<String, Object> args, VirtualClock clock, HeldStore held) {
    return new ExporterHarness(
        clock,
        held.inner(),
        new TestController(clock),
        context(args, 1, clock),
        new SightlineExporter(
            (config, schema, json) -> held,
            (config, json) -> ImportStatusSource.NOTHING_TO_WAIT_FOR,
            held.answerWait()));
  }

  /**
   * With the schema's indices at the versions {@code indices} gives (a schema upgrade), the log
   * going to {@code log}.
   */
  public static ExporterHarness withIndices(
      Map<String, Object> args,
      VirtualClock clock,
      InMemoryStore store,
      TestController controller,
      List<dev.sightline.exporter.schema.IndexDescriptor> indices,
      org.slf4j.Logger log) {
    return new ExporterHarness(
        clock,
        store,
        controller,
        context(args, 1, clock, log),
        new SightlineExporter(
            (config, schema, json) -> store,
            (config, json) -> ImportStatusSource.NOTHING_TO_WAIT_FOR,
            dev.sightline.exporter.flush.AnswerWait.BLOCKING,
            indices));
  }

  /** On a store and clock of the test's, with the exporter's log going to {@code log}. */
  public ExporterHarness(
      Map<String, Object> args, VirtualClock clock, InMemoryStore store, org.slf4j.Logger log) {
    this(
        clock,
        store,
        new TestController(clock),
        context(args, 1, clock, log),
        new SightlineExporter((config, schema, json) -> store));
  }

  public ExporterHarness(
      Map<String, Object> args, VirtualClock clock, InMemoryStore store, int partitionId) {
    this(args, clock, store, new TestController(clock), partitionId);
  }

  public ExporterHarness(
      Map<String, Object> args,
      VirtualClock clock,
      InMemoryStore store,
      TestController controller,
      int partitionId) {
    this(
        args,
        clock,
        store,
        controller,
        partitionId,
        new SightlineExporter((config, schema, json) -> store));
  }

  /** With the importers' progress from {@code importStatus}. */
  public ExporterHarness(
      Map<String, Object> args,
      VirtualClock clock,
      InMemoryStore store,
      TestController controller,
      int partitionId,
      ImportStatusSource importStatus) {
    this(
        args,
        clock,
        store,
        controller,
        partitionId,
        new SightlineExporter((config, schema, json) -> store, (config, json) -> importStatus));
  }

  private ExporterHarness(
      Map<String, Object> args,
      VirtualClock clock,
      InMemoryStore store,
      TestController controller,
      int partitionId,
      SightlineExporter exporter) {
    this(clock, store, controller, context(args, partitionId, clock), exporter);
  }

  private ExporterHarness(
      VirtualClock clock,
      InMemoryStore store,
      TestController controller,
      HostContext context,
      SightlineExporter exporter) {
    this.clock = clock;
    this.store = store;
    this.controller = controller;
    this.context = context;
    this.exporter = exporter;
    exporter.configure(context);
    exporter.open(controller);
  }

  /** The context a broker gives the exporter on {@code partitionId}: args, clock, a registry. */
  public static HostContext context(
      Map<String, Object> args, int partitionId, InstantSource clock) {
    return HostContext.standalone(new ExporterConfiguration(EXPORTER_ID, args), partitionId, clock);
  }

  /** The same with the exporter's log going to {@code log}. */
  public static HostContext context(
      Map<String, Object> args, int partitionId, InstantSource clock, org.slf4j.Logger log) {
    return HostContext.standalone(
        new ExporterConfiguration(EXPORTER_ID, args), partitionId, clock, log);
  }

  /** Exports the records the filter accepts, as the broker would. */
  public void export(List<Record<?>> records) {
    for (var record : records) {
      if (accepted(record)) {
        exporter.export(record);
      }
    }
  }

  public boolean accepted(Record<?> record) {
    return context.accepts(record);
  }

  public void advance(Duration duration) {
    controller.advance(duration);
  }
}
