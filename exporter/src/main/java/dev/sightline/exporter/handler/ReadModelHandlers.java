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
 * deployed processes (names, call activities), tree paths and incident flags, each bounded by its
 * {@link CacheBudgets budget} of estimated heap bytes.
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
      CacheBudgets caches) {}

  /**
   * Estimated heap bytes per partition of each bounded cache (docs/architecture.md). The estimate:
   * two bytes a character of every string, 16 a boxed number, 80 a cache entry's bookkeeping.
   *
   * @param treePathBytes each of the two tree-path caches (process paths, parent flow nodes)
   * @param definitionBytes deployed processes with their element names and call activities
   * @param incidentFlagBytes what the incident flags last wrote per process or flow-node instance
   */
  public record CacheBudgets(long treePathBytes, long definitionBytes, long incidentFlagBytes) {

    /**
     * 19 MiB in all (with the 1 MiB of definition misses): 14,000 paths of instances one call level
     * down (24,000 of root instances) and as many parent flow nodes, 2,000 processes of 20 named
     * elements, the incident flags of 6,000 instances.
     */
    public static final CacheBudgets PER_PARTITION = new CacheBudgets(4L << 20, 8L << 20, 2L << 20);
  }

  public static RecordDispatcher create(Context context) {
    var schema = context.schema();
    var lookup = new BatchThenStoreLookup(context.batch(), context.store(), schema);
    var caches = context.caches();
    var definitions = new ProcessDefinitions(caches.definitionBytes(), lookup, context.nowMillis());
    var treePaths =
        new TreePathResolver(
            definitions,
            lookup,
            new FallbackReporter(context.meters(), context.partitionId(), context.log()),
            caches.treePathBytes());
    var flags =
        new IncidentFlags(context.batch(), context.store(), schema, caches.incidentFlagBytes());
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
