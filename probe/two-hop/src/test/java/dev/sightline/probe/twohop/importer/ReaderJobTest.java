package dev.sightline.probe.twohop.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.ReadModelWriter;
import dev.sightline.exporter.batch.Batch;
import dev.sightline.exporter.config.ConfigParser;
import dev.sightline.exporter.latency.LatencyTracker;
import dev.sightline.exporter.latency.MicrosClock;
import dev.sightline.exporter.latency.StageRecorders;
import dev.sightline.exporter.schema.FlowNodeInstanceIndex;
import dev.sightline.exporter.testing.InMemoryStore;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import dev.sightline.probe.host.actor.VirtualClock;
import dev.sightline.probe.recordjson.RecordJsonReader;
import dev.sightline.probe.recordjson.RecordJsonWriter;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A process-instance reader that sees its records before the process reader has imported their
 * deployment (each record index refreshes on its own) waits for it, on virtual time, rather than
 * writing flow-node instances without element names.
 */
class ReaderJobTest {

  private final VirtualClock clock = new VirtualClock(1_800_000_000_000L);
  private final InMemoryStore store = new InMemoryStore();
  private final RecordJsonWriter json = new RecordJsonWriter();
  private final List<SequenceReader.Hit> processHits = new ArrayList<>();
  private final List<SequenceReader.Hit> instanceHits = new ArrayList<>();
  private final Map<ReaderJob, List<SequenceReader.Hit>> pending =
      new java.util.IdentityHashMap<>();
  private ReaderJob processReader;
  private ReaderJob instanceReader;

  @BeforeEach
  void setUp() {
    var scenario = new ProcessScenario(new RecordFactory(1), true, clock.millis());
    var deployment = scenario.deploy();
    var instance = scenario.runToCompletion();
    var config =
        ConfigParser.parse(Map.of("connect.url", "http://localhost:9200", "index.prefix", "imp"));
    var definitions = new DeployedDefinitions(store, ReadModelWriter.schema(config));
    processReader =
        reader(config, definitions, hitsOf(deployment, ValueType.PROCESS), processHits, "process");
    instanceReader =
        reader(
            config,
            definitions,
            hitsOf(instance, ValueType.PROCESS_INSTANCE),
            instanceHits,
            "process-instance");
  }

  private List<SequenceReader.Hit> hitsOf(List<Record<?>> records, ValueType valueType) {
    var hits = new ArrayList<SequenceReader.Hit>();
    for (var record : records) {
      if (record.getValueType() == valueType) {
        hits.add(
            new SequenceReader.Hit(
                json.write(record), hits.size() + 1, record.getPosition(), "idx"));
      }
    }
    return hits;
  }

  private ReaderJob reader(
      dev.sightline.exporter.config.ExporterConfig config,
      DeployedDefinitions definitions,
      List<SequenceReader.Hit> all,
      List<SequenceReader.Hit> visible,
      String alias) {
    var writer =
        ReadModelWriter.create(
            new ReadModelWriter.Context(
                config,
                ReadModelWriter.schema(config),
                store,
                new SimpleMeterRegistry(),
                1,
                LoggerFactory.getLogger(ReaderJobTest.class),
                clock::millis),
            position -> {},
            new LatencyTracker(new StageRecorders(), MicrosClock.of(clock)),
            Batch.NewDocuments.MERGED);
    RecordBatches batches =
        sequence -> visible.stream().filter(hit -> hit.sequence() > sequence).toList();
    var job =
        new ReaderJob(
            batches,
            definitions,
            Duration.ofSeconds(15),
            writer,
            new RecordJsonReader(),
            clock::millis,
            5,
            ImportPosition.start(alias, 1));
    pending.put(job, all);
    return job;
  }

  private void makeVisible(ReaderJob job, List<SequenceReader.Hit> visible) {
    visible.addAll(pending.get(job));
  }

  private Map<String, Map<String, Object>> flowNodes() {
    return store.index(FlowNodeInstanceIndex.DESCRIPTOR.indexName("imp"));
  }

  @Test
  void shouldLeaveABatchWhoseDeploymentIsNotImportedYetAndNotCountItAsEmpty() {
    // given the process-instance records are visible, the deployment not yet
    makeVisible(instanceReader, instanceHits);

    var start = instanceReader.position().sequence();

    // when the instance reader polls, 6 times over 10 s
    for (int i = 0; i < 6; i++) {
      assertThat(instanceReader.step()).isFalse();
      clock.advance(Duration.ofSeconds(2));
    }

    // then nothing is written, the position stays, and waiting is not emptiness: the reader is not
    // completed
    assertThat(flowNodes()).isEmpty();
    assertThat(instanceReader.position().sequence()).isEqualTo(start);
    assertThat(instanceReader.position().completed()).isFalse();

    // when the deployment becomes visible and is imported, and the instance reader polls again
    makeVisible(processReader, processHits);
    assertThat(processReader.step()).isTrue();
    assertThat(instanceReader.step()).isTrue();

    // then every flow-node instance has its element name, and nothing timed out
    assertThat(flowNodes()).isNotEmpty();
    assertThat(flowNodes().values())
        .allSatisfy(document -> assertThat(document.get("elementName")).isNotNull());
    assertThat(instanceReader.dependencyTimeouts()).isZero();
  }

  @Test
  void shouldImportWithoutTheDefinitionOnceTheWaitIsOverAndCountIt() {
    // given a deployment that never becomes visible
    makeVisible(instanceReader, instanceHits);
    assertThat(instanceReader.step()).isFalse();

    // when the wait is over
    clock.advance(Duration.ofSeconds(15));

    // then the batch is imported anyway, and counted
    assertThat(instanceReader.step()).isTrue();
    assertThat(flowNodes()).isNotEmpty();
    assertThat(instanceReader.dependencyTimeouts()).isEqualTo(1);
  }
}
