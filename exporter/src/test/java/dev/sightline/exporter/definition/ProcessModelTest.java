package dev.sightline.exporter.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessModelTest {

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
    assertThat(ProcessModel.read(xml(model), "p").callActivityIds())
        .containsExactly("alpha", "mid", "zeta");
  }

  @Test
  void shouldFindCallActivitiesInsideEmbeddedSubProcesses() {
    // given one call activity at the top and one inside a sub-process
    var model =
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .subProcess(
                "sub",
                sub ->
                    sub.embeddedSubProcess()
                        .startEvent()
                        .callActivity("inner", c -> c.zeebeProcessId("x"))
                        .endEvent())
            .callActivity("outer", c -> c.zeebeProcessId("y"))
            .endEvent()
            .done();

    // when / then
    assertThat(ProcessModel.read(xml(model), "p").callActivityIds())
        .containsExactly("inner", "outer");
  }

  @Test
  void shouldReturnNothingForAProcessWithoutCallActivitiesOrNames() {
    // given
    var model = Bpmn.createExecutableProcess("p").startEvent().endEvent().done();

    // when
    var read = ProcessModel.read(xml(model), "p");

    // then
    assertThat(read.callActivityIds()).isEmpty();
    assertThat(read.elementNames()).isEmpty();
    assertThat(read.name()).isEmpty();
  }

  @Test
  void shouldReadTheProcessNameAndTheNameOfEveryNamedElementAtAnyDepth() {
    // given named elements at the top and inside a sub-process, and one without a name
    var model =
        Bpmn.createExecutableProcess("p")
            .name("Order process")
            .startEvent("start")
            .name("Order received")
            .subProcess(
                "sub",
                sub ->
                    sub.embeddedSubProcess()
                        .startEvent("inner-start")
                        .userTask("check")
                        .name("Check order")
                        .endEvent())
            .serviceTask("ship", task -> task.zeebeJobType("ship").name("Ship"))
            .endEvent("end")
            .done();

    // when
    var read = ProcessModel.read(xml(model), "p");

    // then
    assertThat(read.name()).contains("Order process");
    assertThat(read.elementNames())
        .containsAllEntriesOf(
            Map.of("start", "Order received", "check", "Check order", "ship", "Ship"));
  }

  @Test
  void shouldKeepOnlyTheElementsOfTheRequestedProcessOfACollaboration() {
    // given one resource with two processes
    var xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="first" name="First" isExecutable="true">
            <startEvent id="a" name="A"/>
            <callActivity id="call-a"/>
          </process>
          <process id="second" name="Second" isExecutable="true">
            <startEvent id="b" name="B"/>
            <callActivity id="call-b"/>
          </process>
        </definitions>
        """;

    // when
    var second = ProcessModel.read(xml.getBytes(StandardCharsets.UTF_8), "second");

    // then the unnamed call activity has no entry
    assertThat(second.name()).contains("Second");
    assertThat(second.elementNames()).containsExactly(Map.entry("b", "B"));
    assertThat(second.callActivityIds()).containsExactly("call-b");
  }

  @Test
  void shouldThrowForTextThatIsNotBpmn() {
    assertThatThrownBy(() -> ProcessModel.read("not xml".getBytes(StandardCharsets.UTF_8), "p"))
        .isInstanceOf(RuntimeException.class);
  }

  private static byte[] xml(BpmnModelInstance model) {
    var out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }
}
