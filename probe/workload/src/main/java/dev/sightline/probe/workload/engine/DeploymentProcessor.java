package dev.sightline.probe.workload.engine;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.ImmutableDeploymentRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.DeploymentResource;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableDeploymentResource;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcessMetadataValue;
import io.camunda.zeebe.protocol.record.value.deployment.ProcessMetadataValue;
import java.util.List;

/**
 * The deployment's records. On the deployment partition: the client's DEPLOYMENT CREATE (no key),
 * PROCESS CREATED per process, DEPLOYMENT CREATED (metadata, no resources). On every other
 * partition, the distributed command (the deployment's key, resources and metadata) followed by the
 * same events with the same keys.
 *
 * <p>Not thread-safe: one partition, one thread.
 */
final class DeploymentProcessor {

  private final EngineContext context;
  private final int partitionId;

  DeploymentProcessor(EngineContext context, int partitionId) {
    this.context = context;
    this.partitionId = partitionId;
  }

  void deploy(long timestampMillis) {
    Deployment deployment = context.deployment;
    List<DeploymentResource> resources =
        deployment.processes().stream()
            .<DeploymentResource>map(
                p ->
                    ImmutableDeploymentResource.builder()
                        .withResource(p.resource())
                        .withResourceName(p.resourceName())
                        .build())
            .toList();
    List<ProcessMetadataValue> metadata =
        deployment.processes().stream()
            .<ProcessMetadataValue>map(p -> metadata(p, deployment.key()))
            .toList();
    if (partitionId == Deployment.PARTITION) {
      context.log.clientCommand(
          timestampMillis,
          -1,
          ValueType.DEPLOYMENT,
          DeploymentIntent.CREATE,
          deployment(resources, List.of(), -1));
    } else {
      context.log.clientCommand(
          timestampMillis,
          deployment.key(),
          ValueType.DEPLOYMENT,
          DeploymentIntent.CREATE,
          deployment(resources, metadata, deployment.key()));
    }
    for (DeployedChain process : deployment.processes()) {
      context.log.event(
          process.key(),
          ValueType.PROCESS,
          ProcessIntent.CREATED,
          ImmutableProcess.builder()
              .from(metadata(process, deployment.key()))
              .withResource(process.resource())
              .build());
    }
    context.log.event(
        deployment.key(),
        ValueType.DEPLOYMENT,
        DeploymentIntent.CREATED,
        deployment(List.of(), metadata, deployment.key()));
  }

  private static ImmutableProcessMetadataValue metadata(DeployedChain process, long deploymentKey) {
    return ImmutableProcessMetadataValue.builder()
        .withBpmnProcessId(process.bpmnProcessId())
        .withVersion(process.version())
        .withVersionTag("")
        .withProcessDefinitionKey(process.key())
        .withResourceName(process.resourceName())
        .withChecksum(process.checksum())
        .withDuplicate(false)
        .withDeploymentKey(deploymentKey)
        .withTenantId(Values.TENANT)
        .build();
  }

  private static ImmutableDeploymentRecordValue deployment(
      List<DeploymentResource> resources, List<ProcessMetadataValue> metadata, long key) {
    return ImmutableDeploymentRecordValue.builder()
        .withResources(resources)
        .withProcessesMetadata(metadata)
        .withDecisionsMetadata(List.of())
        .withDecisionRequirementsMetadata(List.of())
        .withFormMetadata(List.of())
        .withResourceMetadata(List.of())
        .withDeploymentKey(key)
        .withTenantId(Values.TENANT)
        .build();
  }
}
