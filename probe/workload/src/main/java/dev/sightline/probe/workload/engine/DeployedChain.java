package dev.sightline.probe.workload.engine;

import dev.sightline.probe.workload.shape.BpmnXml;
import dev.sightline.probe.workload.shape.ProcessChain;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A process of the deployment, as the simulated engine keeps it: definition key, version 1, the
 * BPMN resource and its MD5 checksum (what the engine puts in {@code checksum}), and the chain's
 * nodes. Not the exporter's {@code definition.DeployedProcess}, which is what the read model keeps
 * of a deployed process.
 *
 * <p>Immutable (the arrays are never handed out for writing); shared by all partitions.
 */
final class DeployedChain {

  private final ProcessChain chain;
  private final long key;
  private final byte[] resource;
  private final byte[] checksum;
  private final Node processNode;
  private final List<Node> nodes;
  private final List<String> sortedCallActivityIds;

  DeployedChain(ProcessChain chain, long key) {
    this.chain = chain;
    this.key = key;
    this.resource = BpmnXml.of(chain);
    this.checksum = md5(resource);
    this.processNode = Node.process(chain.bpmnProcessId());
    var nodes = new ArrayList<Node>();
    nodes.add(Node.startEvent(chain.startEventId()));
    for (int i = 0; i < chain.steps().size(); i++) {
      nodes.add(Node.activity(i + 1, chain.steps().get(i)));
    }
    nodes.add(Node.endEvent(nodes.size(), chain.endEventId()));
    this.nodes = List.copyOf(nodes);
    this.sortedCallActivityIds = chain.sortedCallActivityIds();
  }

  long key() {
    return key;
  }

  int version() {
    return 1;
  }

  String bpmnProcessId() {
    return chain.bpmnProcessId();
  }

  String resourceName() {
    return chain.bpmnProcessId() + ".bpmn";
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
    return chain.flowId(node.index());
  }

  /**
   * Index of a call activity among the chain's call activities sorted by id: the engine's {@code
   * callingElementPath} entry for an instance it calls (see {@link
   * ProcessChain#sortedCallActivityIds}).
   */
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
