package dev.sightline.probe.workload.engine;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;

/**
 * {@code recordVersion} as an 8.8.0 broker writes it: 1, except for the events whose event appliers
 * were versioned (values from the real records in the corpus, {@code records-zeebe-8.8.0.ndjson}).
 */
final class RecordVersions {

  private RecordVersions() {}

  static int of(ValueType valueType, Intent intent) {
    return switch (valueType) {
      case DEPLOYMENT -> intent == DeploymentIntent.CREATED ? 3 : 1;
      case PROCESS -> intent == ProcessIntent.CREATED ? 2 : 1;
      case PROCESS_INSTANCE -> intent == ProcessInstanceIntent.ELEMENT_ACTIVATING ? 2 : 1;
      case PROCESS_INSTANCE_CREATION -> intent == ProcessInstanceCreationIntent.CREATED ? 2 : 1;
      case JOB -> intent == JobIntent.COMPLETED ? 2 : 1;
      case INCIDENT -> intent == IncidentIntent.RESOLVED ? 2 : 1;
      default -> 1;
    };
  }
}
