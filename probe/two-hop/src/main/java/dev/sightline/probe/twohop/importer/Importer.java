package dev.sightline.probe.twohop.importer;

import dev.sightline.exporter.ReadModelWriter;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.latency.LatencyMeasurement;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.ElasticsearchStore;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.StoreFactory;
import dev.sightline.probe.recordjson.RecordJsonReader;
import dev.sightline.probe.twohop.recordindex.RecordIndexNames;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second hop of Camunda 8.6's design: one reader per (partition, value type) polls the record
 * indices by sequence and writes the read model through the direct exporter's own handlers, so both
 * designs produce identical documents from the same records. Positions are saved periodically and
 * on close.
 *
 * <p>A partition's readers take turns in dependency order ({@link #ORDER}: definitions, then
 * instances, then what refers to them); a reader that is due reads until it finds nothing new, then
 * waits its idle backoff. Handlers that need another value type's data (process names,
 * call-activity ids) thus find it whenever it was already in the record indices, as the 8.6
 * importers' own dependencies arranged.
 *
 * <p>Threading: readers run on a small pool; {@link #start}, {@link #positions} and {@link #close}
 * may be called from any thread.
 */
public final class Importer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

  private final ImporterSettings settings;
  private final InstantSource clock;
  private final ElasticsearchStore store;
  private final ImportPositionStore positionStore;

  /** Value types in the order a partition's readers run: what others depend on first. */
  static final List<ValueType> ORDER =
      List.of(
          ValueType.PROCESS,
          ValueType.PROCESS_INSTANCE,
          ValueType.JOB,
          ValueType.VARIABLE,
          ValueType.USER_TASK,
          ValueType.INCIDENT);

  private final List<ReaderJob> jobs = new ArrayList<>();
  private final java.util.Map<Integer, LatencyMeasurement> latency =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ScheduledExecutorService executor;
  private volatile boolean closed;
  private boolean shutDown;

  private Importer(ImporterSettings settings, InstantSource clock, MeterRegistry meters) {
    this.settings = settings;
    this.clock = clock;
    var config = settings.readModel();
    var schema = ReadModelWriter.schema(config);
    var client = ElasticsearchClients.create(config.connect());
    this.store = new ElasticsearchStore(client, schema, StoreFactory.MAX_BULK_REQUEST_BYTES);
    this.positionStore = new ImportPositionStore(client, store, settings.positionIndex());
    var names = new RecordIndexNames(settings.recordIndexPrefix());
    var json = new RecordJsonReader();
    var definitions = new DeployedDefinitions(store, schema);
    for (var partition : settings.partitions()) {
      // Its "flushed" stage is this hop's "imported": the importer's bulk returned, minus the
      // record's timestamp.
      var measurement = LatencyMeasurement.open(config.latency(), meters, partition, clock, LOG);
      latency.put(partition, measurement);
      for (var valueType : inDependencyOrder(settings.valueTypes())) {
        var alias = names.alias(valueType);
        var writer =
            ReadModelWriter.create(
                new ReadModelWriter.Context(
                    config, schema, store, meters, partition, LOG, clock::millis),
                position -> {},
                measurement.tracker(),
                // Each value type is read on its own: a later record of an entity may come first.
                Batch.NewDocuments.MERGED);
        jobs.add(
            new ReaderJob(
                new SequenceReader(client, alias, partition, settings.batchSize()),
                definitions,
                settings.maxDependencyWait(),
                writer,
                json,
                clock::millis,
                settings.emptyBatchesToComplete(),
                ImportPosition.start(alias, partition)));
      }
    }
    this.executor =
        Executors.newScheduledThreadPool(
            settings.threads(), Thread.ofPlatform().name("importer-", 0).daemon(true).factory());
  }

  static List<ValueType> inDependencyOrder(java.util.Set<ValueType> valueTypes) {
    return valueTypes.stream()
        .sorted(
            java.util.Comparator.comparingInt(
                type -> ORDER.contains(type) ? ORDER.indexOf(type) : ORDER.size()))
        .toList();
  }

  /** Creates the importer and starts its readers from their saved positions. */
  public static Importer start(ImporterSettings settings, InstantSource clock) {
    var importer = new Importer(settings, clock, new SimpleMeterRegistry());
    importer.begin();
    return importer;
  }

  private void begin() {
    store.ensureSchema();
    positionStore.ensureIndex();
    var resumed = new ArrayList<ReaderJob>();
    for (var job : jobs) {
      var saved = positionStore.load(job.position().aliasName(), job.position().partitionId());
      resumed.add(new ReaderJob(job, saved));
    }
    jobs.clear();
    jobs.addAll(resumed);
    for (var partition : settings.partitions()) {
      var partitionJobs =
          jobs.stream().filter(job -> job.position().partitionId() == partition).toList();
      var nextPoll = new long[partitionJobs.size()];
      var measurement = latency.get(partition);
      executor.execute(() -> run(partitionJobs, nextPoll, measurement));
    }
    var interval = settings.positionSaveInterval().toMillis();
    executor.scheduleWithFixedDelay(this::savePositions, interval, interval, TimeUnit.MILLISECONDS);
  }

  /**
   * One turn of a partition's readers, in dependency order: each due reader reads until it finds
   * nothing new and then waits its idle backoff. A failure ends the turn (later readers must not
   * overtake it).
   */
  private void run(
      List<ReaderJob> partitionJobs, long[] nextPollMillis, LatencyMeasurement measurement) {
    if (closed) {
      return;
    }
    measurement.tick();
    var idle = settings.idleBackoff().toMillis();
    for (int i = 0; i < partitionJobs.size(); i++) {
      if (nextPollMillis[i] > clock.millis()) {
        continue;
      }
      var job = partitionJobs.get(i);
      try {
        var wasCompleted = job.position().completed();
        while (!closed && job.step()) {
          // read on while there is more
        }
        nextPollMillis[i] = clock.millis() + idle;
        if (!wasCompleted && job.position().completed()) {
          savePositions(); // completion is what the direct exporter waits for: tell it at once
        }
      } catch (RuntimeException e) {
        LOG.warn("Importer reader {} failed, retrying: {}", job.position().id(), e.getMessage());
        java.util.Arrays.fill(nextPollMillis, clock.millis() + idle);
        break;
      }
    }
    if (!closed) {
      var next = java.util.Arrays.stream(nextPollMillis).min().orElse(clock.millis() + idle);
      var delay =
          Math.min(Math.max(0, next - clock.millis()), measurement.tickInterval().toMillis());
      executor.schedule(
          () -> run(partitionJobs, nextPollMillis, measurement), delay, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void savePositions() {
    try {
      positionStore.save(positions());
    } catch (StoreException e) {
      LOG.warn("Saving import positions failed, will retry: {}", e.getMessage());
    }
  }

  /** A snapshot of every reader's position. */
  public List<ImportPosition> positions() {
    return jobs.stream().map(ReaderJob::position).toList();
  }

  public boolean allCompleted() {
    return jobs.stream().allMatch(job -> job.position().completed());
  }

  /** Records the importer could not map (unknown value types or intents), skipped and counted. */
  public long skippedRecords() {
    return jobs.stream().mapToLong(ReaderJob::skippedRecords).sum();
  }

  /**
   * Batches imported without a process definition they needed (waited {@code maxDependencyWait} for
   * it).
   */
  public long dependencyTimeouts() {
    return jobs.stream().mapToLong(ReaderJob::dependencyTimeouts).sum();
  }

  /** Stops the readers, saves their positions and closes the latency files; idempotent. */
  @Override
  public synchronized void close() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    closed = true;
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    savePositions();
    latency.values().forEach(LatencyMeasurement::close);
    store.close();
  }
}
