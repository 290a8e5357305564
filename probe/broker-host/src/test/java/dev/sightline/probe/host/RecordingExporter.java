package dev.sightline.probe.host;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.protocol.record.Record;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** An in-process exporter that logs every call and runs optional per-test hooks. */
final class RecordingExporter implements Exporter {

  /** A hook that may throw, like configure. */
  @FunctionalInterface
  interface ConfigureHook {
    void accept(RecordingExporter exporter, Context context) throws Exception;
  }

  /** Per-test behaviour; each hook defaults to doing nothing. */
  record Hooks(
      ConfigureHook configure,
      Consumer<RecordingExporter> open,
      BiConsumer<RecordingExporter, Record<?>> export) {
    static Hooks none() {
      return new Hooks((exporter, context) -> {}, exporter -> {}, (exporter, record) -> {});
    }

    Hooks onConfigure(ConfigureHook hook) {
      return new Hooks(hook, open, export);
    }

    Hooks onOpen(Consumer<RecordingExporter> hook) {
      return new Hooks(configure, hook, export);
    }

    Hooks onExport(BiConsumer<RecordingExporter, Record<?>> hook) {
      return new Hooks(configure, open, hook);
    }
  }

  private final CallLog log;
  private final Hooks hooks;
  private final int instance;
  private Context context;
  private Controller controller;

  RecordingExporter(CallLog log, Hooks hooks) {
    this.log = log;
    this.hooks = hooks;
    this.instance = log.nextInstance();
  }

  Controller controller() {
    return controller;
  }

  Context context() {
    return context;
  }

  /** Logs a call made from a hook, such as a scheduled task. */
  void logCall(String method) {
    logCall(method, -1);
  }

  @Override
  public void configure(Context context) throws Exception {
    this.context = context;
    logCall("configure", -1);
    hooks.configure().accept(this, context);
  }

  @Override
  public void open(Controller controller) {
    this.controller = controller;
    logCall("open", -1);
    hooks.open().accept(this);
  }

  @Override
  public void export(Record<?> record) {
    logCall("export", record.getPosition());
    hooks.export().accept(this, record);
  }

  @Override
  public void close() {
    logCall("close", -1);
  }

  @Override
  public void purge() {
    logCall("purge", -1);
  }

  private void logCall(String method, long position) {
    Thread thread = Thread.currentThread();
    log.add(
        new CallLog.Call(
            method,
            instance,
            context == null ? 0 : context.getPartitionId(),
            position,
            thread,
            thread.getContextClassLoader(),
            context == null ? null : context.clock().instant()));
  }
}
