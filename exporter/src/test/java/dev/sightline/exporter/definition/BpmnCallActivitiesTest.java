package dev.sightline.exporter.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class BpmnCallActivitiesTest {

  @Test
  void shouldSortCallActivitiesByIdWhateverTheirFlowOrder() {
    // given call activities in flow order zeta, alpha, mid
    var model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .callActivity("zeta", c -> c.zeebeProcessId("z"))
            .callActivity("alpha", c -> c.zeebeProcessId("a"))
            .callActivity("mid", c -> c.zeebeProcessId("m"))
            .endEvent()
            .done();

    // when / then
    assertThat(BpmnCallActivities.of(xml(model), "p")).containsExactly("alpha", "mid", "zeta");
  }

  @Test
  void shouldFindCallActivitiesInsideEmbeddedSubProcesses() {
    // given one call activity at the top and one inside a sub-process
    var model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .subProcess("sub", sub -> sub.embeddedSubProcess().startEvent().callActivity("inner", c -> c.zeebeProcessId("x")).endEvent())
            .callActivity("outer", c -> c.zeebeProcessId("y"))
            .endEvent()
            .done();

    // when / then
    assertThat(BpmnCallActivities.of(xml(model), "p")).containsExactly("inner", "outer");
  }

  @Test
  void shouldReturnNothingForAProcessWithoutCallActivities() {
    var model = Bpmn.createExecutableProcess("p").startEvent().endEvent().done();
    assertThat(BpmnCallActivities.of(xml(model), "p")).isEmpty();
  }

  private static byte[] xml(BpmnModelInstance model) {
    var out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }
}
