package dev.sightline.probe.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.ReadModelWriter;
import dev.sightline.exporter.record.RecordJsonReader;
import dev.sightline.exporter.recordindex.RecordIndexNames;
import dev.sightline.exporter.store.ElasticsearchClients;
import dev.sightline.exporter.store.ElasticsearchStore;
import dev.sightline.exporter.store.StoreException;
import dev.sightline.exporter.store.StoreFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second hop of Camunda 8.6's design: one reader per (partition, value type) polls the record indices
 * by sequence and writes the read model through the direct exporter's own handlers, so both designs produce
 * identical documents from the same records. Positions are saved periodically and on close.
 *
 * <p>Threading: readers run on a small pool; {@link #start}, {@link #positions} and {@link #close} may be
 * called from any thread.
 */
public final class Importer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ImporterSettings settings;
  private final InstantSource clock;
  private final ElasticsearchStore store;
  private final ImportPositionStore positionStore;
  private final List<ReaderJob> jobs = new ArrayList<>();
  private final ScheduledExecutorService executor;
  private volatile boolean closed;

  private Importer(ImporterSettings settings, InstantSource clock, MeterRegistry meters) {
    this.settings = settings;
    this.clock = clock;
    var config = settings.readModel();
    var schema = ReadModelWriter.schema(config);
    var client = ElasticsearchClients.create(config.connect(), JSON);
    this.store = new ElasticsearchStore(client, schema, StoreFactory.MAX_BULK_REQUEST_BYTES, JSON);
    this.positionStore = new ImportPositionStore(client, settings.positionIndex());
    var names = new RecordIndexNames(settings.recordIndexPrefix());
    var json = new RecordJsonReader();
    for (var partition : settings.partitions()) {
      for (var valueType : settings.valueTypes()) {
        var alias = names.alias(valueType);
        var writer =
            ReadModelWriter.create(config, schema, store, meters, partition, LOG, clock::millis, position -> {});
        jobs.add(
            new ReaderJob(
                new SequenceReader(client, alias, partition, settings.batchSize()),
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
    for (var job : jobs) {
      executor.execute(() -> run(job));
    }
    var interval = settings.positionSaveInterval().toMillis();
    executor.scheduleWithFixedDelay(this::savePositions, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void run(ReaderJob job) {
    if (closed) {
      return;
    }
    var delay = Duration.ZERO;
    try {
      var wasCompleted = job.position().completed();
      if (!job.step()) {
        delay = settings.idleBackoff();
      }
      if (!wasCompleted && job.position().completed()) {
        savePositions(); // completion is what the direct exporter waits for: tell it at once
      }
    } catch (StoreException e) {
      LOG.warn("Importer reader {} failed, retrying: {}", job.position().id(), e.getMessage());
      delay = settings.idleBackoff();
    } catch (RuntimeException e) {
      LOG.error("Importer reader {} failed unexpectedly, retrying", job.position().id(), e);
      delay = settings.idleBackoff();
    }
    if (!closed) {
      executor.schedule(() -> run(job), delay.toMillis(), TimeUnit.MILLISECONDS);
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

  @Override
  public void close() {
    closed = true;
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    savePositions();
    store.close();
  }
}
