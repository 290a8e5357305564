package dev.sightline.probe.workload.shape;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractActivityBuilder;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BPMN XML of a {@link ProcessChain}, built with the Zeebe model API (zeebe-bpmn-model, the
 * library Camunda's own clients deploy with) and made reproducible: the builder names diagram
 * elements and definitions with random UUIDs, which are replaced, in order of appearance, by UUIDs
 * derived from the process id and their index, so the same model always gives the same bytes (and
 * checksum).
 *
 * <p>Thread-safe: stateless.
 */
public final class BpmnXml {

  private static final Pattern RANDOM_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private BpmnXml() {}

  /** The model as UTF-8 BPMN XML. */
  public static byte[] of(ProcessChain process) {
    AbstractFlowNodeBuilder<?, ?> builder =
        Bpmn.createExecutableProcess(process.bpmnProcessId()).startEvent(process.startEventId());
    for (int i = 0; i < process.steps().size(); i++) {
      builder = add(builder.sequenceFlowId(process.flowId(i)), process.steps().get(i));
    }
    String xml =
        Bpmn.convertToString(
            builder
                .sequenceFlowId(process.flowId(process.steps().size()))
                .endEvent(process.endEventId())
                .done());
    return reproducible(xml, process.bpmnProcessId()).getBytes(StandardCharsets.UTF_8);
  }

  private static AbstractFlowNodeBuilder<?, ?> add(
      AbstractFlowNodeBuilder<?, ?> builder, Step step) {
    return switch (step) {
      case Step.ServiceTask task ->
          builder.serviceTask(
              task.id(), t -> loop(t.zeebeJobType(task.jobType()), task.multiInstance()));
      case Step.CallActivity call ->
          builder.callActivity(
              call.id(), c -> loop(c.zeebeProcessId(call.calledProcessId()), call.multiInstance()));
    };
  }

  private static void loop(AbstractActivityBuilder<?, ?> activity, MultiInstance multiInstance) {
    if (multiInstance == null) {
      return;
    }
    activity.multiInstance(
        loop -> {
          if (multiInstance.sequential()) {
            loop.sequential();
          } else {
            loop.parallel();
          }
          loop.zeebeInputCollection(multiInstance.inputCollection())
              .zeebeInputElement(multiInstance.inputElement());
        });
  }

  private static String reproducible(String xml, String bpmnProcessId) {
    Map<String, String> replacements = new HashMap<>();
    Matcher matcher = RANDOM_UUID.matcher(xml);
    var out = new StringBuilder(xml.length());
    while (matcher.find()) {
      String replacement =
          replacements.computeIfAbsent(
              matcher.group(),
              uuid ->
                  java.util
                      .UUID
                      .nameUUIDFromBytes(
                          (bpmnProcessId + "#" + replacements.size())
                              .getBytes(StandardCharsets.UTF_8))
                      .toString());
      matcher.appendReplacement(out, replacement);
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
