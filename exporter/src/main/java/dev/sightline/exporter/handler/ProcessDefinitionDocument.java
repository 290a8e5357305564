package dev.sightline.exporter.handler;

import static dev.sightline.exporter.schema.ProcessDefinitionIndex.*;

import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.definition.ProcessModel;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed process as a process-definition document, and back (for exporters of other
 * partitions).
 */
final class ProcessDefinitionDocument {

  private ProcessDefinitionDocument() {}

  static Map<String, Object> of(Process process, ProcessModel model) {
    var fields =
        new DocumentFields()
            .put(KEY, process.getProcessDefinitionKey())
            .put(BPMN_PROCESS_ID, process.getBpmnProcessId())
            .put(VERSION, process.getVersion())
            .putIfPresent(VERSION_TAG, process.getVersionTag())
            .putIfPresent(NAME, model.name().orElse(null))
            .putIfPresent(RESOURCE_NAME, process.getResourceName())
            .put(ELEMENT_NAMES, model.elementNames())
            .put(CALL_ACTIVITY_IDS, model.callActivityIds())
            .putIfPresent(TENANT_ID, process.getTenantId());
    if (process.getResource() != null) {
      fields.put(BPMN_XML, new String(process.getResource(), StandardCharsets.UTF_8));
    }
    return fields.build();
  }

  /**
   * The definition a stored (or pending) document describes; empty if it lacks what treePaths need.
   */
  @SuppressWarnings("unchecked")
  static Optional<DeployedProcess> parse(Map<String, Object> document) {
    if (!(document.get(KEY.name()) instanceof Number key)
        || !(document.get(CALL_ACTIVITY_IDS.name()) instanceof List<?> callActivities)) {
      return Optional.empty();
    }
    var names =
        document.get(ELEMENT_NAMES.name()) instanceof Map<?, ?> map
            ? (Map<String, String>) map
            : Map.<String, String>of();
    return Optional.of(
        new DeployedProcess(
            key.longValue(),
            String.valueOf(document.get(BPMN_PROCESS_ID.name())),
            document.get(VERSION.name()) instanceof Number version ? version.intValue() : 0,
            Optional.ofNullable((String) document.get(NAME.name())),
            names,
            (List<String>) callActivities));
  }
}
