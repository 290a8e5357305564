package dev.sightline.probe.recordjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceCreationRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Field-level checks of records whose content is known, from the corpus of real records. */
class CorpusRecordFieldsTest {

  private static final String GENERATED_88 =
      "_generated__zeebe-process-test-engine/records-zeebe-8.8.0.ndjson";
  private static final String ZDB = "ChrisKujawa__zdb/backend__src__test__resources__golden__v";
  private static final String ZDB_81 = ZDB + "8.1__log-print.json";
  private static final String ZDB_85 = ZDB + "8.5__log-print.json";
  private static final String ZDB_88 = ZDB + "8.8__log-print.json";

  @Test
  void shouldReadTheTreePathsOfALeafTaskThreeLevelsDeep() {
    // given
    ReadAllResult result = CorpusFiles.read(GENERATED_88);

    // when
    Record<?> activating =
        first(
            result,
            r ->
                r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
                    && ((ProcessInstanceRecordValue) r.getValue())
                        .getElementId()
                        .equals("leaf-task"));

    // then
    var value = (ProcessInstanceRecordValue) activating.getValue();
    assertThat(activating.getKey()).isEqualTo(2251799813685323L);
    assertThat(value.getElementInstancePath())
        .containsExactly(
            List.of(2251799813685302L, 2251799813685308L, 2251799813685311L),
            List.of(2251799813685312L, 2251799813685317L),
            List.of(2251799813685318L, 2251799813685323L));
    assertThat(value.getProcessDefinitionPath())
        .containsExactly(2251799813685297L, 2251799813685296L, 2251799813685295L);
    assertThat(value.getCallingElementPath()).containsExactly(0, 0);
  }

  @Test
  void shouldDecodeAProcessResourceToBpmnXml() {
    // given
    ReadAllResult result = CorpusFiles.read(GENERATED_88);

    // when
    Record<?> process = first(result, r -> r.getValueType() == ValueType.PROCESS);

    // then
    var value = (Process) process.getValue();
    String xml = new String(value.getResource(), StandardCharsets.UTF_8);
    assertThat(xml)
        .startsWith("<?xml")
        .contains("<process id=\"" + value.getBpmnProcessId() + "\"");
    assertThat(value.getChecksum()).hasSize(16);
  }

  @Test
  void shouldDecodeZdbVariablesFromMsgpack() {
    // given
    ReadAllResult result = CorpusFiles.read(ZDB_88);

    // when
    Record<?> creation =
        first(result, r -> r.getValueType() == ValueType.PROCESS_INSTANCE_CREATION);
    Record<?> variable = first(result, r -> r.getValueType() == ValueType.VARIABLE);
    Record<?> nullVariable =
        first(
            result,
            r -> r.getValue() instanceof VariableRecordValue v && v.getName().equals("bar"));

    // then
    assertThat(((ProcessInstanceCreationRecordValue) creation.getValue()).getVariables())
        .isEqualTo(Map.of("var1", "1", "var2", "12", "var3", "123"));
    assertThat((VariableRecordValue) variable.getValue())
        .extracting(VariableRecordValue::getName, VariableRecordValue::getValue)
        .containsExactly("var1", "\"1\"");
    assertThat(((VariableRecordValue) nullVariable.getValue()).getValue()).isEqualTo("null");
  }

  @Test
  void shouldDecodeTheMegabyteVariableOfAZdbMessage() {
    // given
    ReadAllResult result = CorpusFiles.read(ZDB_81);

    // when
    Record<?> publish = first(result, r -> r.getValueType() == ValueType.MESSAGE);

    // then
    Map<String, Object> variables = ((MessageRecordValue) publish.getValue()).getVariables();
    assertThat(variables).containsOnlyKeys("foo");
    assertThat((String) variables.get("foo")).hasSize(1_000_000).matches("A+");
  }

  @Test
  void shouldTakeTheAuthorizedTenantsFromZdbAuthData() {
    // given
    ReadAllResult result = CorpusFiles.read(ZDB_85);

    // when
    Record<?> deploy = first(result, r -> r.getValueType() == ValueType.DEPLOYMENT);

    // then
    assertThat(deploy.getAuthorizations())
        .isEqualTo(Map.of("authorized_tenants", List.of("<default>")));
  }

  @Test
  void shouldKeepBuilderDefaultsForFieldsAnOldBrokerDidNotWrite() {
    // given
    ReadAllResult result = CorpusFiles.read(ZDB_81);

    // when
    Record<?> element = first(result, r -> r.getValueType() == ValueType.PROCESS_INSTANCE);

    // then
    var value = (ProcessInstanceRecordValue) element.getValue();
    assertThat(value.getTenantId()).isNull();
    assertThat(value.getElementInstancePath()).isEmpty();
    assertThat(value.getTags()).isEmpty();
    assertThat(element.getRejectionType()).isEqualTo(RejectionType.NULL_VAL);
    assertThat(element.getRejectionReason()).isEmpty();
    assertThat(element.getOperationReference()).isEqualTo(-1);
    assertThat(element.getPartitionId()).as("zdb prints no partitionId").isZero();
    assertThat(element.getBrokerVersion()).isEqualTo("8.1.18");
  }

  @Test
  void shouldReadTheZdbRejection() {
    // given
    ReadAllResult result = CorpusFiles.read(ZDB_88);

    // when
    Record<?> rejection = first(result, r -> r.getRejectionType() != RejectionType.NULL_VAL);

    // then
    assertThat(rejection.getRejectionType()).isEqualTo(RejectionType.NOT_FOUND);
    assertThat(rejection.getRejectionReason())
        .isEqualTo(
            "Expected to find process definition with process ID 'nonExisting', but none found");
  }

  @Test
  void shouldReportThePropertiesOfOtherBrokerVersionsAsIgnored() {
    // given
    ReadAllResult result =
        CorpusFiles.read("openMF__ph-ee-exporter/samples__payer-request-confirm-completed.json");

    // when
    var mapped = (ReadResult.Mapped) result.results().getFirst();

    // then
    assertThat(mapped.ignoredProperties())
        .containsExactlyInAnyOrder(
            "value.workflowKey", "value.workflowInstanceKey", "value.workflowDefinitionVersion");
    assertThat(((JobRecordValue) mapped.record().getValue()).getType()).isNotEmpty();
  }

  private static Record<?> first(ReadAllResult result, Predicate<Record<?>> condition) {
    return result.records().stream().filter(condition).findFirst().orElseThrow();
  }
}
