package dev.sightline.exporter.handler;

import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.config.VariablesConfig;
import dev.sightline.exporter.definition.ProcessDefinitions;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.store.DocumentReader;
import dev.sightline.exporter.treepath.FallbackReporter;
import dev.sightline.exporter.treepath.TreePathResolver;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Assembles every handler of the read model around one batch and store, with the caches they share:
 * deployed processes (names, call activities) and tree paths, each bounded to {@code cacheSize}
 * entries.
 */
public final class ReadModelHandlers {

  private ReadModelHandlers() {}

  /**
   * The parts one exporter (partition) needs; {@code store} is where lookups read what is not in
   * the batch.
   */
  public record Context(
      ReadModelSchema schema,
      Batch batch,
      DocumentReader store,
      VariablesConfig variables,
      MeterRegistry meters,
      int partitionId,
      Logger log,
      LongSupplier nowMillis,
      int cacheSize) {}

  public static RecordDispatcher create(Context context) {
    var schema = context.schema();
    var lookup = new BatchThenStoreLookup(context.batch(), context.store(), schema);
    var definitions = new ProcessDefinitions(context.cacheSize(), lookup, context.nowMillis());
    var treePaths =
        new TreePathResolver(
            definitions,
            lookup,
            new FallbackReporter(context.meters(), context.partitionId(), context.log()),
            context.cacheSize());
    var flags = new IncidentFlags(context.batch(), context.store(), schema, context.cacheSize());
    return new RecordDispatcher(
        List.of(
            new ProcessHandler(definitions, schema, context.log()),
            new ProcessInstanceHandler(schema, treePaths, definitions),
            new VariableHandler(schema, context.variables().previewSize()),
            new IncidentHandler(schema, treePaths, flags),
            new JobHandler(schema),
            new UserTaskHandler(schema, definitions)),
        new SkippedRecords(context.meters(), context.partitionId()));
  }
}
