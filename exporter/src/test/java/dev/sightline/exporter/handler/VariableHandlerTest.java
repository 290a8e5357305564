package dev.sightline.exporter.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.testing.EngineRecords;
import dev.sightline.exporter.testing.EngineRecords.Instance;
import dev.sightline.exporter.testing.ExporterHarness;
import dev.sightline.exporter.testing.ProcessScenario;
import dev.sightline.exporter.testing.RecordFactory;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableVariableRecordValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableHandlerTest {

  private static final String VARIABLES = "t-variable-v1";
  private static final String EMOJI = "\uD83D\uDE00";

  private final EngineRecords engine =
      new EngineRecords(new RecordFactory(1), true, ExporterHarness.START_MILLIS);
  private final Instance instance =
      engine.startRoot(
          engine.deploy(ProcessScenario.PARENT, ProcessScenario.parentModel()),
          ProcessScenario.PARENT);

  private static ExporterHarness harness(Map<String, Object> variables) {
    var args =
        new HashMap<String, Object>(
            Map.of("index", Map.of("prefix", "t"), "bulk", Map.of("size", 1000, "delay", "1s")));
    if (!variables.isEmpty()) {
      args.put("variables", variables);
    }
    return new ExporterHarness(args);
  }

  private Map<String, Object> exported(ExporterHarness harness, String id) {
    harness.export(engine.drain());
    harness.advance(Duration.ofSeconds(1));
    return harness.store.index(VARIABLES).get(id);
  }

  @Test
  void shouldWriteOneDocumentPerScopeAndNameWithTheLastValue() {
    // given a variable created, then updated
    var harness = harness(Map.of());
    var key = engine.variable(VariableIntent.CREATED, instance, instance.key(), "amount", "10");
    engine.variable(VariableIntent.UPDATED, instance, instance.key(), "amount", "20");

    // when
    var document = exported(harness, instance.key() + "-amount");

    // then
    assertThat(document)
        .containsEntry("key", key)
        .containsEntry("name", "amount")
        .containsEntry("value", "20")
        .containsEntry("isPreview", false)
        .containsEntry("scopeKey", instance.key())
        .containsEntry("processInstanceKey", instance.key())
        .containsEntry("processDefinitionKey", instance.definitionKey())
        .containsEntry("bpmnProcessId", ProcessScenario.PARENT)
        .containsEntry("tenantId", EngineRecords.TENANT)
        .containsEntry("partitionId", 1)
        .containsEntry("fullValue", null);
    assertThat(harness.store.index(VARIABLES)).hasSize(1);
  }

  @Test
  void shouldMoveAMigratedVariableToItsNewDefinitionKeepingItsValue() {
    // given
    var harness = harness(Map.of());
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "x", "\"text\"");
    var migrated =
        ImmutableVariableRecordValue.builder()
            .withName("x")
            .withValue("\"text\"")
            .withScopeKey(instance.key())
            .withProcessInstanceKey(instance.key())
            .withProcessDefinitionKey(999)
            .withBpmnProcessId("parent-v2")
            .withTenantId(EngineRecords.TENANT)
            .build();
    var record = engine.emit(ValueType.VARIABLE, VariableIntent.MIGRATED, 123, migrated);

    // when
    var document = exported(harness, instance.key() + "-x");

    // then
    assertThat(document)
        .containsEntry("value", "\"text\"")
        .containsEntry("processDefinitionKey", 999L)
        .containsEntry("bpmnProcessId", "parent-v2")
        .containsEntry("position", record.getPosition());
  }

  @ParameterizedTest(name = "{0} characters: preview {1}")
  @CsvSource({"8190, false", "8191, false", "8192, true"})
  void shouldCutValuesLongerThanTheDefaultPreviewAndKeepTheWholeValue(int length, boolean preview) {
    // given a string variable of `length` characters, quotes included
    var harness = harness(Map.of());
    var value = "\"" + "x".repeat(length - 2) + "\"";
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "long", value);

    // when
    var document = exported(harness, instance.key() + "-long");

    // then
    assertThat(document)
        .containsEntry("isPreview", preview)
        .containsEntry("value", value.substring(0, Math.min(length, 8191)));
    if (preview) {
      assertThat(document).containsEntry("fullValue", value);
    } else {
      assertThat(document).doesNotContainKey("fullValue");
    }
  }

  @Test
  void shouldCutMultiByteValuesByCharactersWithoutSplittingOne() {
    // given 8192 emoji: 16384 UTF-16 units, 32768 UTF-8 bytes
    var harness = harness(Map.of());
    var value = EMOJI.repeat(8192);
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "emoji", value);

    // when
    var document = exported(harness, instance.key() + "-emoji");

    // then 8191 whole emoji: at most 32764 bytes, within Lucene's term limit
    assertThat(document)
        .containsEntry("isPreview", true)
        .containsEntry("value", EMOJI.repeat(8191))
        .containsEntry("fullValue", value);
  }

  @Test
  void shouldUseTheConfiguredPreviewSize() {
    // given
    var harness = harness(Map.of("previewSize", 5));
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "v", "\"abcdef\"");

    // when
    var document = exported(harness, instance.key() + "-v");

    // then
    assertThat(document)
        .containsEntry("value", "\"abcd")
        .containsEntry("isPreview", true)
        .containsEntry("fullValue", "\"abcdef\"");
  }

  @Test
  void shouldClearTheFullValueWhenAnUpdateFitsAgain() {
    // given a long value, flushed
    var harness = harness(Map.of("previewSize", 5));
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "v", "\"abcdef\"");
    exported(harness, instance.key() + "-v");

    // when it is updated to a short one
    engine.variable(VariableIntent.UPDATED, instance, instance.key(), "v", "1");
    var document = exported(harness, instance.key() + "-v");

    // then
    assertThat(document)
        .containsEntry("value", "1")
        .containsEntry("isPreview", false)
        .containsEntry("fullValue", null);
  }

  @Test
  void shouldKeepVariablesOfDifferentScopesApart() {
    // given the same name in the process and in an element instance
    var harness = harness(Map.of());
    engine.variable(VariableIntent.CREATED, instance, instance.key(), "x", "1");
    engine.variable(VariableIntent.CREATED, instance, 4242, "x", "2");

    // when
    exported(harness, instance.key() + "-x");

    // then
    assertThat(harness.store.index(VARIABLES).get(instance.key() + "-x"))
        .containsEntry("value", "1");
    assertThat(harness.store.index(VARIABLES).get("4242-x")).containsEntry("value", "2");
  }

  @Test
  void shouldHashANameTooLongForAnId() {
    // given a name whose id would exceed Elasticsearch's 512 bytes
    var name = "n".repeat(600);

    // when
    var id = VariableHandler.id(7, name);

    // then
    assertThat(id).startsWith("7-#").hasSize(2 + 1 + 64);
    assertThat(VariableHandler.id(7, "short")).isEqualTo("7-short");
  }
}
