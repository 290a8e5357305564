package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.ProcessChain;
import dev.sightline.probe.workload.shape.Shape;
import io.camunda.zeebe.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The one deployment of a shape's processes, made on the deployment partition (1) before any
 * instance: the deployment key, then one definition key per process in the shape's order, all from
 * partition 1's key space. Other partitions receive the same keys by distribution.
 *
 * <p>Immutable and thread-safe: plan it once and share it between partitions.
 */
public final class Deployment {

  static final int PARTITION = Protocol.DEPLOYMENT_PARTITION;

  private final Shape shape;
  private final long key;
  private final List<DeployedChain> processes;

  private Deployment(Shape shape) {
    this.shape = shape;
    this.key = Protocol.encodePartitionId(PARTITION, 1);
    var deployed = new ArrayList<DeployedChain>();
    for (ProcessChain model : shape.processes()) {
      deployed.add(
          new DeployedChain(model, Protocol.encodePartitionId(PARTITION, 2 + deployed.size())));
    }
    this.processes = List.copyOf(deployed);
  }

  /** Builds every process's BPMN XML (the costly part) and assigns the keys. */
  public static Deployment plan(Shape shape) {
    return new Deployment(shape);
  }

  public Shape shape() {
    return shape;
  }

  public long key() {
    return key;
  }

  /** The definition key of a deployed process. */
  public long processDefinitionKey(String bpmnProcessId) {
    return process(bpmnProcessId).key();
  }

  /** The BPMN XML deployed for a process. */
  public byte[] resource(String bpmnProcessId) {
    return process(bpmnProcessId).resource().clone();
  }

  /** Keys of the deployment partition the deployment takes. */
  long keysUsed() {
    return 1 + processes.size();
  }

  List<DeployedChain> processes() {
    return processes;
  }

  DeployedChain process(String bpmnProcessId) {
    for (DeployedChain process : processes) {
      if (process.bpmnProcessId().equals(bpmnProcessId)) {
        return process;
      }
    }
    throw new IllegalArgumentException("Process '%s' is not deployed".formatted(bpmnProcessId));
  }
}
