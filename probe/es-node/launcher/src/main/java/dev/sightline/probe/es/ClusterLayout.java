package dev.sightline.probe.es;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Names and loopback ports of a cluster's members, fixed before any of them starts: each member's
 * seed hosts are the others' transport addresses.
 */
record ClusterLayout(
    String clusterName,
    List<String> nodeNames,
    List<Integer> httpPorts,
    List<Integer> transportPorts) {

  ClusterLayout {
    nodeNames = List.copyOf(nodeNames);
    httpPorts = List.copyOf(httpPorts);
    transportPorts = List.copyOf(transportPorts);
    if (httpPorts.size() != nodeNames.size() || transportPorts.size() != nodeNames.size()) {
      throw new IllegalArgumentException("one HTTP and one transport port per node");
    }
  }

  /** Nodes {@code node-1} … {@code node-<size>} on {@code 2 × size} distinct free ports. */
  static ClusterLayout onFreePorts(String clusterName, int size) {
    var ports = FreePorts.find(2 * size);
    return new ClusterLayout(
        clusterName,
        IntStream.rangeClosed(1, size).mapToObj(n -> "node-" + n).toList(),
        ports.subList(0, size),
        ports.subList(size, 2 * size));
  }

  int size() {
    return nodeNames.size();
  }

  String nodeName(int index) {
    return nodeNames.get(index);
  }

  int httpPort(int index) {
    return httpPorts.get(index);
  }

  int transportPort(int index) {
    return transportPorts.get(index);
  }

  /** The transport addresses of every member but {@code index}. */
  List<String> seedHostsOf(int index) {
    return IntStream.range(0, size())
        .filter(other -> other != index)
        .mapToObj(other -> "127.0.0.1:" + transportPort(other))
        .toList();
  }
}
