package dev.sightline.probe.twohop.importer;

import dev.sightline.exporter.config.ExporterConfig;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the two-hop importer runs; the defaults are the 8.6 importers'.
 *
 * @param readModel connection and read-model index settings, as the direct exporter's (same prefix
 *     = same indices)
 * @param recordIndexPrefix prefix of the record indices ({@code zeebe-record})
 * @param positionIndex where import positions are kept ({@code operate-import-position})
 * @param partitions the partitions to import
 * @param valueTypes the value types to import, one reader per (partition, value type)
 * @param batchSize records fetched per query (200)
 * @param idleBackoff wait after an empty batch (5 s)
 * @param positionSaveInterval how often import positions are written (10 s)
 * @param emptyBatchesToComplete consecutive empty batches after which a reader marks itself
 *     completed
 * @param threads reader threads
 * @param maxDependencyWait how long a reader leaves a batch whose process definition is not yet in
 *     the read model before importing it anyway (15 s; not an 8.6 setting: see {@code ReaderJob})
 */
public record ImporterSettings(
    ExporterConfig readModel,
    String recordIndexPrefix,
    String positionIndex,
    List<Integer> partitions,
    Set<ValueType> valueTypes,
    int batchSize,
    Duration idleBackoff,
    Duration positionSaveInterval,
    int emptyBatchesToComplete,
    int threads,
    Duration maxDependencyWait) {

  public ImporterSettings {
    Objects.requireNonNull(readModel, "readModel");
    partitions = List.copyOf(partitions);
    valueTypes = Set.copyOf(valueTypes);
    require(batchSize >= 1, "batchSize must be at least 1, but was " + batchSize);
    require(!idleBackoff.isNegative(), "idleBackoff must not be negative, but was " + idleBackoff);
    require(
        positionSaveInterval.toMillis() > 0,
        "positionSaveInterval must be positive, but was " + positionSaveInterval);
    require(
        emptyBatchesToComplete >= 1,
        "emptyBatchesToComplete must be at least 1, but was " + emptyBatchesToComplete);
    require(threads >= 1, "threads must be at least 1, but was " + threads);
    require(
        !maxDependencyWait.isNegative(),
        "maxDependencyWait must not be negative, but was " + maxDependencyWait);
    require(!partitions.isEmpty(), "partitions must name at least one partition");
  }

  /** The 8.6 importers' defaults: batches of 200, 5 s idle backoff, positions saved every 10 s. */
  public static ImporterSettings defaults(
      ExporterConfig readModel, List<Integer> partitions, Set<ValueType> valueTypes) {
    return new ImporterSettings(
        readModel,
        "zeebe-record",
        "operate-import-position",
        partitions,
        valueTypes,
        200,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        5,
        3,
        Duration.ofSeconds(15));
  }

  public ImporterSettings withIdleBackoff(Duration idleBackoff) {
    return with(settings -> settings.idleBackoff = idleBackoff);
  }

  public ImporterSettings withPositionSaveInterval(Duration interval) {
    return with(settings -> settings.positionSaveInterval = interval);
  }

  public ImporterSettings withRecordIndexPrefix(String prefix) {
    return with(settings -> settings.recordIndexPrefix = prefix);
  }

  public ImporterSettings withPositionIndex(String index) {
    return with(settings -> settings.positionIndex = index);
  }

  public ImporterSettings withEmptyBatchesToComplete(int count) {
    return with(settings -> settings.emptyBatchesToComplete = count);
  }

  public ImporterSettings withMaxDependencyWait(Duration wait) {
    return with(settings -> settings.maxDependencyWait = wait);
  }

  /** A copy with {@code change} applied, validated like any other. */
  private ImporterSettings with(Consumer<Components> change) {
    var components = new Components(this);
    change.accept(components);
    return components.toSettings();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The components, to change one at a time: the one place that copies them all. */
  private static final class Components {
    ExporterConfig readModel;
    String recordIndexPrefix;
    String positionIndex;
    List<Integer> partitions;
    Set<ValueType> valueTypes;
    int batchSize;
    Duration idleBackoff;
    Duration positionSaveInterval;
    int emptyBatchesToComplete;
    int threads;
    Duration maxDependencyWait;

    Components(ImporterSettings settings) {
      readModel = settings.readModel;
      recordIndexPrefix = settings.recordIndexPrefix;
      positionIndex = settings.positionIndex;
      partitions = settings.partitions;
      valueTypes = settings.valueTypes;
      batchSize = settings.batchSize;
      idleBackoff = settings.idleBackoff;
      positionSaveInterval = settings.positionSaveInterval;
      emptyBatchesToComplete = settings.emptyBatchesToComplete;
      threads = settings.threads;
      maxDependencyWait = settings.maxDependencyWait;
    }

    ImporterSettings toSettings() {
      return new ImporterSettings(
          readModel,
          recordIndexPrefix,
          positionIndex,
          partitions,
          valueTypes,
          batchSize,
          idleBackoff,
          positionSaveInterval,
          emptyBatchesToComplete,
          threads,
          maxDependencyWait);
    }
  }
}
