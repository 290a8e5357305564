package dev.sightline.probe.recordjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.ImmutableRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.AuthorizationIntent;
import io.camunda.zeebe.protocol.record.intent.CommandDistributionIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import io.camunda.zeebe.protocol.record.value.CommandDistributionRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceCreationRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordJsonWriterTest {

  private final RecordJsonWriter writer = new RecordJsonWriter();

  @Test
  void shouldWriteAnImmutableRecordInTheBrokersExporterForm() throws Exception {
    // given
    Record<?> record =
        base(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATING)
            .withValue(
                ImmutableProcessInstanceRecordValue.builder()
                    .withBpmnProcessId("leaf-process")
                    .withVersion(1)
                    .withProcessDefinitionKey(3)
                    .withProcessInstanceKey(4)
                    .withElementId("leaf-task")
                    .withFlowScopeKey(4)
                    .withBpmnElementType(BpmnElementType.SERVICE_TASK)
                    .withBpmnEventType(BpmnEventType.UNSPECIFIED)
                    .withParentProcessInstanceKey(-1)
                    .withParentElementInstanceKey(-1)
                    .withTenantId("<default>")
                    .withElementInstancePath(List.of(List.of(4L, 5L)))
                    .withProcessDefinitionPath(List.of(3L))
                    .withCallingElementPath(List.of())
                    .withTags(List.of("a"))
                    .build())
            .build();

    // when
    String json = writer.write(record);

    // then
    assertThat(tree(json))
        .isEqualTo(
            tree(
                """
                {"valueType":"PROCESS_INSTANCE","key":5,"position":10,"timestamp":1700000000000,
                 "recordType":"EVENT","intent":"ELEMENT_ACTIVATING","partitionId":1,
                 "rejectionType":"NULL_VAL","rejectionReason":"","brokerVersion":"8.8.9","recordVersion":1,
                 "operationReference":-1,"batchOperationReference":-1,
                 "value":{"bpmnProcessId":"leaf-process","version":1,"processDefinitionKey":3,
                   "processInstanceKey":4,"elementId":"leaf-task","flowScopeKey":4,
                   "bpmnElementType":"SERVICE_TASK","bpmnEventType":"UNSPECIFIED",
                   "parentProcessInstanceKey":-1,"parentElementInstanceKey":-1,"tenantId":"<default>",
                   "elementInstancePath":[[4,5]],"processDefinitionPath":[3],"callingElementPath":[],
                   "tags":["a"]},
                 "authorizations":{"authorized_tenants":["<default>"]},"sourceRecordPosition":9}
                """));
  }

  @Test
  void shouldWriteBytesAsBase64AndBooleansByBeanName() throws Exception {
    // given
    Record<?> record =
        base(ValueType.PROCESS, io.camunda.zeebe.protocol.record.intent.ProcessIntent.CREATED)
            .withValue(
                ImmutableProcess.builder()
                    .withResource("<xml/>".getBytes(StandardCharsets.UTF_8))
                    .withChecksum(new byte[] {1, 2, (byte) 0xff})
                    .withDuplicate(true)
                    .build())
            .build();

    // when
    JsonNode value = tree(writer.write(record)).get("value");

    // then
    assertThat(value.get("resource").textValue()).isEqualTo("PHhtbC8+");
    assertThat(value.get("checksum").textValue()).isEqualTo("AQL/");
    assertThat(value.get("duplicate").booleanValue()).isTrue();
    assertThat(value.has("isDuplicate")).isFalse();
  }

  @Test
  void shouldSerializeThroughTheValueInterfaceOnly() throws Exception {
    // given
    Record<?> record =
        base(ValueType.VARIABLE, VariableIntent.CREATED)
            .withValue(new BrokerLikeVariable())
            .build();

    // when
    JsonNode value = tree(writer.write(record)).get("value");

    // then
    assertThat(value.has("internalBuffer")).as("implementation getter leaked").isFalse();
    assertThat(value.get("name").textValue()).isEqualTo("orderId");
    assertThat(value.get("value").textValue()).isEqualTo("\"order-42\"");
  }

  @Test
  void shouldWriteTheSameJsonAsTextBytesAndStream() throws Exception {
    // given
    Record<?> record =
        base(ValueType.PROCESS_INSTANCE_CREATION, ProcessInstanceCreationIntent.CREATE)
            .withValue(
                ImmutableProcessInstanceCreationRecordValue.builder()
                    .withBpmnProcessId("p")
                    .withVariables(Map.of("n", 1, "s", "é", "l", List.of(true, 1.5)))
                    .build())
            .build();
    var closed = new boolean[1];
    var stream =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    // when
    String text = writer.write(record);
    byte[] bytes = writer.writeBytes(record);
    writer.write(record, stream);

    // then
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(closed[0]).as("the caller's stream was closed").isFalse();
    assertThat(tree(text).at("/value/variables"))
        .isEqualTo(tree("{\"n\":1,\"s\":\"é\",\"l\":[true,1.5]}"));
  }

  @Test
  void shouldWriteADistributedCommandByItsValueType() throws Exception {
    // given
    Record<?> record =
        base(ValueType.COMMAND_DISTRIBUTION, CommandDistributionIntent.STARTED)
            .withValue(new BrokerLikeDistribution())
            .build();

    // when
    String json = writer.write(record);

    // then
    assertThat(tree(json).at("/value/commandValue/bpmnProcessId").textValue()).isEqualTo("p");
    assertThat(tree(json).at("/value/commandValue/version").intValue()).isEqualTo(3);
    assertThat(tree(json).at("/value/intent").textValue()).isEqualTo("CREATE");
  }

  @Test
  void shouldReadBackADistributedCommandAsFarAsTheProtocolsImmutableKeepsIt() {
    // given
    Record<?> broker =
        base(ValueType.COMMAND_DISTRIBUTION, CommandDistributionIntent.STARTED)
            .withValue(new BrokerLikeDistribution())
            .build();

    // when
    var mapped = (ReadResult.Mapped) new RecordJsonReader().read(writer.write(broker));
    var readBack = mapped.record();

    // then
    var value = (CommandDistributionRecordValue) readBack.getValue();
    assertThat(value.getValueType()).isEqualTo(ValueType.PROCESS_INSTANCE_CREATION);
    assertThat(value.getIntent()).isEqualTo(ProcessInstanceCreationIntent.CREATE);
    assertThat(value.getCommandValue())
        .as(
            "ImmutableCommandDistributionRecordValue keeps the command as a bare ImmutableRecordValue")
        .isInstanceOf(ImmutableRecordValue.class);
    assertThat(new RecordJsonReader().read(writer.write(readBack)))
        .isEqualTo(new ReadResult.Mapped(readBack, List.of()));
  }

  @Test
  void shouldFallBackToTheValuesOwnJsonForATypeItCannotLoad() throws Exception {
    // given
    RecordValue brokerValue =
        new RecordValue() {
          @Override
          public String toJson() {
            return "{\"ownerId\":\"admin\"}";
          }
        };
    Record<?> record =
        base(ValueType.AUTHORIZATION, AuthorizationIntent.CREATED).withValue(brokerValue).build();

    // when
    JsonNode value = tree(writer.write(record)).get("value");

    // then
    assertThat(value).isEqualTo(tree("{\"ownerId\":\"admin\"}"));
  }

  private static ImmutableRecord.Builder<RecordValue> base(
      ValueType valueType, io.camunda.zeebe.protocol.record.intent.Intent intent) {
    return ImmutableRecord.<RecordValue>builder()
        .withValueType(valueType)
        .withIntent(intent)
        .withKey(5)
        .withPosition(10)
        .withSourceRecordPosition(9)
        .withTimestamp(1_700_000_000_000L)
        .withRecordType(RecordType.EVENT)
        .withPartitionId(1)
        .withRejectionType(RejectionType.NULL_VAL)
        .withRejectionReason("")
        .withBrokerVersion("8.8.9")
        .withRecordVersion(1)
        .withOperationReference(-1)
        .withBatchOperationReference(-1)
        .withAuthorizations(Map.of("authorized_tenants", List.of("<default>")));
  }

  private static JsonNode tree(String json) throws Exception {
    return Json.MAPPER.readTree(json);
  }

  /** Like a broker's distribution record: the command keeps its own type. */
  public static final class BrokerLikeDistribution implements CommandDistributionRecordValue {

    @Override
    public int getPartitionId() {
      return 2;
    }

    @Override
    public String getQueueId() {
      return "q";
    }

    @Override
    public ValueType getValueType() {
      return ValueType.PROCESS_INSTANCE_CREATION;
    }

    @Override
    public io.camunda.zeebe.protocol.record.intent.Intent getIntent() {
      return ProcessInstanceCreationIntent.CREATE;
    }

    @Override
    public RecordValue getCommandValue() {
      return ImmutableProcessInstanceCreationRecordValue.builder()
          .withBpmnProcessId("p")
          .withVersion(3)
          .build();
    }
  }

  /** Like a broker's record value: implements the interface and has public getters of its own. */
  public static final class BrokerLikeVariable implements VariableRecordValue {

    public byte[] getInternalBuffer() {
      return new byte[] {42};
    }

    @Override
    public String getName() {
      return "orderId";
    }

    @Override
    public String getValue() {
      return "\"order-42\"";
    }

    @Override
    public long getScopeKey() {
      return 1;
    }

    @Override
    public long getProcessInstanceKey() {
      return 1;
    }

    @Override
    public long getProcessDefinitionKey() {
      return 2;
    }

    @Override
    public String getBpmnProcessId() {
      return "p";
    }

    @Override
    public String getTenantId() {
      return "<default>";
    }
  }
}
