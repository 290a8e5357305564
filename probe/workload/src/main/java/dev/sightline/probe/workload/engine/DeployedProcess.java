package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.BpmnXml;
import dev.sightline.probe.workload.shape.ProcessModel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A process of the deployment: definition key, version 1, the BPMN resource and its MD5 checksum
 * (what the engine puts in {@code checksum}), and the chain's nodes.
 *
 * <p>Immutable (the arrays are never handed out for writing); shared by all partitions.
 */
final class DeployedProcess {

  private final ProcessModel model;
  private final long key;
  private final byte[] resource;
  private final byte[] checksum;
  private final Node processNode;
  private final List<Node> nodes;
  private final List<String> sortedCallActivityIds;

  DeployedProcess(ProcessModel model, long key) {
    this.model = model;
    this.key = key;
    this.resource = BpmnXml.of(model);
    this.checksum = md5(resource);
    this.processNode = Node.process(model.bpmnProcessId());
    var chain = new ArrayList<Node>();
    chain.add(Node.startEvent(model.startEventId()));
    for (int i = 0; i < model.steps().size(); i++) {
      chain.add(Node.activity(i + 1, model.steps().get(i)));
    }
    chain.add(Node.endEvent(chain.size(), model.endEventId()));
    this.nodes = List.copyOf(chain);
    this.sortedCallActivityIds = model.sortedCallActivityIds();
  }

  ProcessModel model() {
    return model;
  }

  long key() {
    return key;
  }

  int version() {
    return 1;
  }

  String bpmnProcessId() {
    return model.bpmnProcessId();
  }

  String resourceName() {
    return model.bpmnProcessId() + ".bpmn";
  }

  byte[] resource() {
    return resource;
  }

  byte[] checksum() {
    return checksum;
  }

  Node processNode() {
    return processNode;
  }

  Node node(int index) {
    return nodes.get(index);
  }

  /** The id of the sequence flow leaving {@code node}. */
  String flowIdAfter(Node node) {
    return model.flowId(node.index());
  }

  /** Index of a call activity among the model's call activities sorted by id. */
  int callingIndex(String callActivityId) {
    return sortedCallActivityIds.indexOf(callActivityId);
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has MD5", e);
    }
  }
}
