package dev.sightline.probe.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated records, written as the broker's JSON, have the fields the real 8.8.0 records have —
 * per value type, nested fields included — and the same constants (record versions, broker version,
 * tenant).
 */
class RecordFieldsAgainstRealRecordsTest {

  /** Maps whose keys are data (variable names, headers), not fields. */
  private static final Set<String> DATA_MAPS =
      Set.of("variables", "customHeaders", "authorizations");

  private static List<JsonNode> generated;

  @BeforeAll
  static void generate() {
    var spec =
        WorkloadSpec.defaults()
            .withRate(10)
            .withPartitions(2)
            .withDuration(Duration.ofSeconds(1), Duration.ZERO)
            .withIncidents(0.5, Duration.ofMillis(100));
    var workload = Workload.of(spec, Instant.parse("2026-03-01T12:00:00Z"));
    generated =
        RealRecords.json(IntStream.rangeClosed(1, 2).boxed().flatMap(workload::stream).toList());
  }

  static Stream<String> generatedValueTypes() {
    generate();
    return generated.stream().map(r -> r.get("valueType").asText()).distinct().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedValueTypes")
  void shouldWriteTheFieldsTheRealEngineWrites(String valueType) {
    // given
    Set<String> real = fields(RealRecords.all(), valueType);

    // when
    Set<String> written = fields(generated, valueType);

    // then
    assertThat(real).as("the real records have %s", valueType).isNotEmpty();
    assertThat(written).containsExactlyElementsOf(real);
  }

  @Test
  void shouldWriteEveryValueTypeAWorkloadNeeds() {
    // given / when
    List<String> types = generatedValueTypes().toList();

    // then
    assertThat(types)
        .containsExactly(
            "DEPLOYMENT",
            "INCIDENT",
            "JOB",
            "JOB_BATCH",
            "MULTI_INSTANCE",
            "PROCESS",
            "PROCESS_EVENT",
            "PROCESS_INSTANCE",
            "PROCESS_INSTANCE_BATCH",
            "PROCESS_INSTANCE_CREATION",
            "VARIABLE");
  }

  @Test
  void shouldWriteTheRecordVersionsBrokerVersionAndTenantOfTheRealRecords() {
    // given
    Map<String, String> real = constants(RealRecords.all());

    // when
    Map<String, String> written = constants(generated);

    // then
    assertThat(written).isNotEmpty();
    written.forEach((kind, constant) -> assertThat(constant).as(kind).isEqualTo(real.get(kind)));
  }

  /** Per (value type, record type, intent): record version, broker version, rejection, tenant. */
  private static Map<String, String> constants(List<JsonNode> records) {
    var constants = new TreeMap<String, String>();
    for (JsonNode r : records) {
      String kind =
          r.get("valueType").asText()
              + " "
              + r.get("recordType").asText()
              + " "
              + r.get("intent").asText();
      constants.putIfAbsent(
          kind,
          "v%s broker %s %s tenant %s"
              .formatted(
                  r.get("recordVersion").asText(),
                  r.get("brokerVersion").asText(),
                  r.get("rejectionType").asText(),
                  r.at("/value/tenantId").asText("-")));
    }
    return constants;
  }

  /**
   * Every field path of the records of one value type, e.g. {@code
   * value.jobs[].result.corrections.priority}.
   */
  static Set<String> fields(List<JsonNode> records, String valueType) {
    var paths = new TreeSet<String>();
    records.stream()
        .filter(r -> r.get("valueType").asText().equals(valueType))
        .forEach(r -> collect(r, "", paths));
    return paths;
  }

  private static void collect(JsonNode node, String prefix, Set<String> paths) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                if (!DATA_MAPS.contains(field.getKey())) {
                  collect(field.getValue(), path, paths);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, prefix + "[]", paths));
    }
  }
}
