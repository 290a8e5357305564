package dev.sightline.probe.recordjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.protocol.record.Record;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record of the real-record corpus: read, counted, written back and read again. */
class RecordJsonCorpusTest {

  private static final String ZDB = "ChrisKujawa__zdb/backend__src__test__resources__golden__v";
  private static final String GENERATED = "_generated__zeebe-process-test-engine/records-zeebe-";
  private static final String PH_EE_EXPORTER = "openMF__ph-ee-exporter/samples__";
  private static final String PH_EE_IMPORTER = "openMF__ph-ee-importer-rdbms/src__";

  private record Counts(int mapped, int skipped) {}

  /** Mapped and skipped records per corpus file, computed once and pinned. */
  private static final Map<String, Counts> PINNED = new LinkedHashMap<>();

  static {
    // zdb log prints of 8.1–8.7 brokers: everything maps.
    PINNED.put(ZDB + "8.1__log-print.json", new Counts(62, 0));
    PINNED.put(ZDB + "8.2__log-print.json", new Counts(62, 0));
    PINNED.put(ZDB + "8.3__log-print.json", new Counts(62, 0));
    PINNED.put(ZDB + "8.4__log-print.json", new Counts(62, 0));
    PINNED.put(ZDB + "8.5__log-print.json", new Counts(62, 0));
    PINNED.put(ZDB + "8.6__log-print.json", new Counts(63, 0));
    PINNED.put(ZDB + "8.7__log-print.json", new Counts(63, 0));
    // 8.8 brokers start with identity setup: AUTHORIZATION 70, ROLE 8, TENANT 8 and IDENTITY_SETUP
    // 2 are
    // skipped because their classes need the excluded camunda-security-protocol.
    PINNED.put(ZDB + "8.8__log-print.json", new Counts(65, 88));
    PINNED.put(GENERATED + "8.5.0.ndjson", new Counts(480, 0));
    PINNED.put(GENERATED + "8.6.0.ndjson", new Counts(489, 0));
    PINNED.put(GENERATED + "8.7.5.ndjson", new Counts(493, 0));
    // the same 88 identity records as in the 8.8 zdb print
    PINNED.put(GENERATED + "8.8.0.ndjson", new Counts(501, 88));
    PINNED.put(
        "camunda__zeebe-chaos/chaos-days__blog__2021-11-11-Not-produce-duplicate-Keys__data.json",
        new Counts(104, 0));
    // Zeebe 0.2x JOB records: JOB ACTIVATED no longer exists (activation is a JOB_BATCH event since
    // 0.2x),
    // so those are skipped as "unknown intent"; COMPLETED maps, its workflow* fields ignored.
    PINNED.put(PH_EE_EXPORTER + "book-funds.json", new Counts(0, 1));
    PINNED.put(PH_EE_EXPORTER + "payer-request-confirm-completed.json", new Counts(1, 0));
    PINNED.put(PH_EE_EXPORTER + "payer-request-confirm.json", new Counts(0, 1));
    PINNED.put(PH_EE_EXPORTER + "send-success-to-channel.json", new Counts(0, 1));
    PINNED.put(PH_EE_EXPORTER + "transfer-prepare-completed.json", new Counts(1, 0));
    // 0.2x logs: WORKFLOW_INSTANCE is not a value type any more (2 + 30 + 28), JOB ACTIVATED is not
    // an
    // intent (4 + 4), and the one DEPLOYMENT has its resource redacted to "---------" (invalid
    // base64).
    PINNED.put(
        PH_EE_IMPORTER + "main__resources__samples__payee-flow.log.extracted.ndjson",
        new Counts(1, 3));
    PINNED.put(
        PH_EE_IMPORTER + "main__resources__samples__payee-flow@0cb0f468.log.extracted.ndjson",
        new Counts(18, 34));
    PINNED.put(
        PH_EE_IMPORTER + "main__resources__samples__payee-flow@efd7ecbd.log.extracted.ndjson",
        new Counts(17, 32));
    // 8.1.8 and 8.4.0 Kafka samples: everything maps.
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__ignore__1@383c6b6d.json",
        new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__incident__1.json", new Counts(1, 0));
    PINNED.put(PH_EE_IMPORTER + "test__resources__event-samples__job__1.json", new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__process_instance__1.json",
        new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__process_instance__2.json",
        new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__process_instance__3.json",
        new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__process_instance__process_activated.json",
        new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__process_instance__process_completed.json",
        new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__sample__1@6d10e84f.json",
        new Counts(12, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__sample__1@e425daa3.json",
        new Counts(9, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__variable__1.json", new Counts(1, 0));
    PINNED.put(
        PH_EE_IMPORTER + "test__resources__event-samples__variable__1@374fcdf4.json",
        new Counts(1, 0));
  }

  static Stream<String> files() {
    return CorpusFiles.all().stream();
  }

  static Stream<Arguments> pinnedCounts() {
    return PINNED.entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue().mapped(), e.getValue().skipped()));
  }

  @Test
  void shouldPinTheCountsOfEveryCorpusFile() {
    // given
    List<String> files = CorpusFiles.all();

    // when / then
    assertThat(PINNED.keySet()).containsExactlyInAnyOrderElementsOf(files);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shouldReadEveryCorpusFileWithoutException(String file) {
    // given
    var reader = new RecordJsonReader();

    // when / then
    assertThatCode(() -> reader.readAll(CorpusFiles.path(file))).doesNotThrowAnyException();
    assertThat(CorpusFiles.read(file).results()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} mapped, {2} skipped")
  @MethodSource("pinnedCounts")
  void shouldMapAndSkipExactlyThePinnedNumberOfRecords(String file, int mapped, int skipped) {
    // given / when
    ReadAllResult result = CorpusFiles.read(file);

    // then
    assertThat(result.mappedCount()).as("mapped").isEqualTo(mapped);
    assertThat(result.skippedCount()).as("skipped").isEqualTo(skipped);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shouldReadBackEveryMappedRecordItWrote(String file) {
    // given
    var reader = new RecordJsonReader();
    var writer = new RecordJsonWriter();

    for (Record<?> record : CorpusFiles.read(file).records()) {
      // when
      ReadResult readBack = reader.read(writer.write(record));

      // then
      assertThat(readBack).isInstanceOf(ReadResult.Mapped.class);
      assertThat(((ReadResult.Mapped) readBack).record()).isEqualTo(record);
      assertThat(((ReadResult.Mapped) readBack).ignoredProperties()).isEmpty();
    }
  }

  @Test
  void shouldSkipOnlyTheIdentityTypesOfAn88Broker() {
    // given / when
    ReadAllResult result = CorpusFiles.read(GENERATED + "8.8.0.ndjson");

    // then
    assertThat(result.skipped())
        .extracting(ReadResult.Skipped::valueType)
        .containsOnly("AUTHORIZATION", "ROLE", "TENANT", "IDENTITY_SETUP");
    assertThat(result.skipped())
        .allSatisfy(s -> assertThat(s.reason()).contains("camunda-security-protocol is excluded"));
  }

  @Test
  void shouldWriteExactlyWhatThe880BrokerWrote() {
    // given
    var reader = new RecordJsonReader();
    var writer = new RecordJsonWriter();
    int compared = 0;

    for (String line : CorpusFiles.lines(GENERATED + "8.8.0.ndjson")) {
      if (!(reader.read(line) instanceof ReadResult.Mapped mapped)) {
        continue;
      }
      ObjectNode original = (ObjectNode) readTree(line);
      if (original.path("valueType").asText().equals("USER_TASK")) {
        // 8.8.0 brokers export deniedReason on user tasks; the 8.8.9 interface has no such getter
        ((ObjectNode) original.get("value")).remove("deniedReason");
      }

      // when
      JsonNode written = readTree(writer.write(mapped.record()));

      // then
      assertThat(written).isEqualTo(original);
      compared++;
    }
    assertThat(compared).isEqualTo(501);
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
