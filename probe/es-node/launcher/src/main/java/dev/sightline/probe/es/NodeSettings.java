package dev.sightline.probe.es;

import java.util.Map;
import java.util.TreeMap;

/**
 * The settings a node starts with: its folders, loopback only, its ports published in {@code
 * logs/http.ports}, disk thresholds off (a shared test machine's disk says nothing about the
 * engine); then how it finds its cluster (alone, or the other members); then the options' own
 * settings, which may replace any of these.
 */
final class NodeSettings {

  private NodeSettings() {}

  /** A single-node cluster on free ports. */
  static Map<String, String> alone(NodeHome home, NodeOptions options) {
    var settings = local(home);
    // Stable per home folder: a restart on the same data must keep its cluster's name.
    settings.put(
        "cluster.name",
        "sightline-" + Integer.toHexString(home.root().getFileName().toString().hashCode()));
    settings.put("node.name", "sightline-" + options.version().id());
    settings.put("discovery.type", "single-node");
    settings.put("http.port", "0");
    settings.put("transport.port", "0");
    settings.putAll(options.settings());
    return settings;
  }

  /**
   * Member {@code index} of {@code layout}: fixed ports (a restarted node comes back at the same
   * addresses), the other members as seed hosts, and every member named as a node that may
   * bootstrap the cluster, so that the first election needs a majority of them.
   */
  static Map<String, String> member(
      NodeHome home, NodeOptions options, ClusterLayout layout, int index) {
    var settings = local(home);
    settings.put("cluster.name", layout.clusterName());
    settings.put("node.name", layout.nodeName(index));
    settings.put("http.port", Integer.toString(layout.httpPort(index)));
    settings.put("transport.port", Integer.toString(layout.transportPort(index)));
    settings.put("discovery.seed_hosts", String.join(",", layout.seedHostsOf(index)));
    settings.put(
        options.version().engine().initialManagerNodesSetting(),
        String.join(",", layout.nodeNames()));
    settings.putAll(options.settings());
    return settings;
  }

  private static Map<String, String> local(NodeHome home) {
    var settings = new TreeMap<String, String>();
    settings.put("path.home", home.root().toAbsolutePath().toString());
    settings.put("path.data", home.data().toAbsolutePath().toString());
    settings.put("path.logs", home.logs().toAbsolutePath().toString());
    settings.put("network.host", "127.0.0.1");
    settings.put("node.portsfile", "true");
    settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
    return settings;
  }
}
