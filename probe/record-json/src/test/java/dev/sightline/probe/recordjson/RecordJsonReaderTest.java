package dev.sightline.probe.recordjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The reader on hand-written input: what is skipped, what is mapped how, what is refused. */
class RecordJsonReaderTest {

  private final RecordJsonReader reader = new RecordJsonReader();

  @Nested
  class SkippedRecords {

    @Test
    void shouldSkipAnUnknownValueType() {
      // given
      String json = record("WORKFLOW_INSTANCE", "ELEMENT_ACTIVATING", "{}");

      // when
      ReadResult result = reader.read(json);

      // then
      assertThat(result)
          .isEqualTo(
              new ReadResult.Skipped(
                  "WORKFLOW_INSTANCE",
                  "ELEMENT_ACTIVATING",
                  "unknown value type 'WORKFLOW_INSTANCE'"));
    }

    @Test
    void shouldSkipAnUnknownIntent() {
      // given
      String json = record("JOB", "ACTIVATED", "{}");

      // when
      ReadResult result = reader.read(json);

      // then
      assertThat(result)
          .isEqualTo(
              new ReadResult.Skipped("JOB", "ACTIVATED", "unknown intent 'ACTIVATED' for JOB"));
    }

    @Test
    void shouldSkipAnIdentityTypeNamingTheMissingClass() {
      // given
      String json = record("ROLE", "CREATE", "{\"roleId\":\"admin\"}");

      // when
      ReadResult result = reader.read(json);

      // then
      assertThat(result).isInstanceOf(ReadResult.Skipped.class);
      assertThat(((ReadResult.Skipped) result).reason())
          .isEqualTo(
              "ROLE value cannot be built: RoleRecordValue needs"
                  + " io.camunda.zeebe.protocol.record.value.EntityType, which is not on the class path"
                  + " (camunda-security-protocol is excluded)");
    }

    @Test
    void shouldSkipAPropertyOfTheWrongTypeNamingItsPath() {
      // given
      String json = record("PROCESS_INSTANCE", "ELEMENT_ACTIVATING", "{\"version\":\"one\"}");

      // when
      ReadResult result = reader.read(json);

      // then
      assertThat(result)
          .isEqualTo(
              new ReadResult.Skipped(
                  "PROCESS_INSTANCE",
                  "ELEMENT_ACTIVATING",
                  "invalid value.version: expected a 32-bit integer but was STRING \"one\""));
    }

    @Test
    void shouldSkipAnUnknownEnumConstantNamingItsPath() {
      // given
      String json =
          record("PROCESS_INSTANCE", "ELEMENT_ACTIVATING", "{\"bpmnElementType\":\"FANCY_TASK\"}");

      // when
      ReadResult result = reader.read(json);

      // then
      assertThat(((ReadResult.Skipped) result).reason())
          .isEqualTo("invalid value.bpmnElementType: unknown BpmnElementType 'FANCY_TASK'");
    }

    @Test
    void shouldNameTheArrayIndexOfAnElementOfTheWrongType() {
      // given
      String json =
          record("PROCESS_INSTANCE", "ELEMENT_ACTIVATING", "{\"elementInstancePath\":[[1,\"x\"]]}");

      // when
      ReadResult result = reader.read(json);

      // then
      assertThat(((ReadResult.Skipped) result).reason())
          .isEqualTo(
              "invalid value.elementInstancePath[0][1]:"
                  + " expected a 64-bit integer but was STRING \"x\"");
    }

    @Test
    void shouldSkipARecordWithoutValueType() {
      // given
      String json = "{\"intent\":\"CREATED\",\"value\":{}}";

      // when
      ReadResult result = reader.read(json);

      // then
      assertThat(result).isEqualTo(new ReadResult.Skipped(null, "CREATED", "no valueType"));
    }
  }

  @Nested
  class Mapping {

    @Test
    void shouldIgnoreAndReportPropertiesUnknownToTheProtocol() {
      // given
      String json =
          "{\"valueType\":\"VARIABLE\",\"intent\":\"CREATED\",\"futureMetadata\":1,"
              + "\"value\":{\"name\":\"a\",\"value\":\"1\",\"futureField\":{\"x\":1}}}";

      // when
      ReadResult result = reader.read(json);

      // then
      var mapped = (ReadResult.Mapped) result;
      assertThat(mapped.ignoredProperties()).containsExactly("futureMetadata", "value.futureField");
      assertThat(((VariableRecordValue) mapped.record().getValue()).getName()).isEqualTo("a");
    }

    @Test
    void shouldReadBooleansZdbPrintsWithAnIsPrefix() {
      // given
      String json =
          "{\"valueType\":\"JOB\",\"intent\":\"COMPLETED\","
              + "\"recordValue\":{\"result\":{\"isCompletionConditionFulfilled\":true,\"denied\":true}}}";

      // when
      var mapped = (ReadResult.Mapped) reader.read(json);

      // then
      JobRecordValue.JobResultValue result =
          ((JobRecordValue) mapped.record().getValue()).getResult();
      assertThat(result.isCompletionConditionFulfilled()).isTrue();
      assertThat(result.isDenied()).isTrue();
      assertThat(mapped.ignoredProperties()).isEmpty();
    }

    @Test
    void shouldReadAnIntentPropertyByItsSiblingValueType() {
      // given
      String json =
          "{\"valueType\":\"ASYNC_REQUEST\",\"intent\":\"RECEIVED\","
              + "\"value\":{\"valueType\":\"PROCESS_INSTANCE\",\"intent\":\"CANCEL\",\"scopeKey\":5}}";

      // when
      var mapped = (ReadResult.Mapped) reader.read(json);

      // then
      var value =
          (io.camunda.zeebe.protocol.record.value.AsyncRequestRecordValue)
              mapped.record().getValue();
      assertThat(value.getIntent()).isEqualTo((Intent) ProcessInstanceIntent.CANCEL);
      assertThat(value.getValueType()).isEqualTo(ValueType.PROCESS_INSTANCE);
    }

    @Test
    void shouldFindRecordsWhereverTheyAreNestedInDocumentOrder() throws Exception {
      // given
      String document =
          "{\"a\":["
              + record("CLOCK", "PINNED", "{\"time\":1}")
              + ",{\"b\":"
              + record("CLOCK", "PINNED", "{\"time\":2}")
              + "}],\"c\":"
              + record("CLOCK", "RESET", "{\"time\":3}")
              + "}\n"
              + record("NO_SUCH_TYPE", "X", "{}")
              + "\n"
              + "["
              + record("CLOCK", "PINNED", "{\"time\":4}")
              + "]";

      // when
      ReadAllResult result =
          reader.readAll(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));

      // then
      assertThat(result.results()).hasSize(5);
      assertThat(result.records())
          .extracting(
              r ->
                  ((io.camunda.zeebe.protocol.record.value.ClockRecordValue) r.getValue())
                      .getTime())
          .containsExactly(1L, 2L, 3L, 4L);
      assertThat(result.skippedByReason())
          .containsExactly(Map.entry("unknown value type 'NO_SUCH_TYPE'", 1));
      assertThat(result.results().get(3)).isInstanceOf(ReadResult.Skipped.class);
    }

    @Test
    void shouldNotMistakeAValueNamingAValueTypeForARecord() throws Exception {
      // given
      String document =
          "{\"wrapper\":{\"valueType\":\"JOB\",\"intent\":\"CREATED\",\"value\":\"not an object\"}}";

      // when
      ReadAllResult result =
          reader.readAll(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));

      // then
      assertThat(result.results()).isEmpty();
    }
  }

  @Nested
  class MalformedInput {

    @Test
    void shouldNameTheProblemAndPositionOfMalformedJson() {
      // given
      String json = "{\"valueType\":\"JOB\",\n \"intent\": CREATED}";

      // when / then
      assertThatThrownBy(() -> reader.read(json))
          .isInstanceOfSatisfying(
              MalformedRecordJsonException.class,
              e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.column()).isEqualTo(12);
                assertThat(e.source()).isEqualTo("input");
              })
          .hasMessageStartingWith(
              "Malformed JSON in input at line 2, column 12: Unrecognized token 'CREATED'");
    }

    @Test
    void shouldNameTheLineOfABrokenNdjsonRecord() {
      // given
      String ndjson =
          record("CLOCK", "PINNED", "{}") + "\n" + "{\"valueType\":\"CLOCK\",\"value\":{]}\n";

      // when / then
      assertThatThrownBy(
              () ->
                  reader.readAll(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8))))
          .isInstanceOfSatisfying(
              MalformedRecordJsonException.class, e -> assertThat(e.line()).isEqualTo(2))
          .hasMessageContaining("line 2");
    }

    @Test
    void shouldRefuseTrailingContentAfterOneRecord() {
      // given
      String json = record("CLOCK", "PINNED", "{}") + " {}";

      // when / then
      assertThatThrownBy(() -> reader.read(json))
          .isInstanceOf(MalformedRecordJsonException.class)
          .hasMessageContaining("Trailing token");
    }

    @Test
    void shouldRefuseJsonThatIsNotAnObject() {
      // when / then
      assertThatThrownBy(() -> reader.read("[1]"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("expected one JSON object (a record) but found ARRAY");
    }
  }

  private static String record(String valueType, String intent, String value) {
    return "{\"valueType\":\"%s\",\"intent\":\"%s\",\"key\":1,\"value\":%s}"
        .formatted(valueType, intent, value);
  }
}
