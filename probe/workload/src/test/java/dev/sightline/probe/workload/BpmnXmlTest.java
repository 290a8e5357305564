package dev.sightline.probe.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.probe.workload.shape.BpmnXml;
import dev.sightline.probe.workload.shape.Shapes;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class BpmnXmlTest {

  @Test
  void shouldWriteTheSameBytesForTheSameModel() {
    // given
    var parent = Shapes.benchmark().process(Shapes.PARENT);

    // when
    byte[] first = BpmnXml.of(parent);
    byte[] second = BpmnXml.of(parent);

    // then
    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldWriteAValidZeebeProcess() {
    // given
    var parent = Shapes.benchmark().process(Shapes.PARENT);

    // when
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(BpmnXml.of(parent)));

    // then
    Bpmn.validateModel(model);
    ServiceTask task = model.getModelElementById("parent-task");
    assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
        .isEqualTo("parent-work");
    CallActivity call = model.getModelElementById("call-child");
    assertThat(call.getSingleExtensionElement(ZeebeCalledElement.class).getProcessId())
        .isEqualTo(Shapes.CHILD);
    var loop = (MultiInstanceLoopCharacteristics) call.getLoopCharacteristics();
    assertThat(loop.isSequential()).isFalse();
    assertThat(loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class).getInputCollection())
        .isEqualTo("=items");
    assertThat((Object) model.getModelElementById("parent-task-to-call-child")).isNotNull();
  }
}
