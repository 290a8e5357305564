package dev.sightline.probe.es;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports that were free a moment ago, for nodes whose addresses must be known before they
 * start (cluster members name each other as seed hosts). All are held open together, so they are
 * distinct, and released together just before returning: another process may still take one in
 * between, and the node that needed it then fails to start, saying which port was taken.
 */
final class FreePorts {

  private FreePorts() {}

  static List<Integer> find(int count) {
    var sockets = new ArrayList<ServerSocket>();
    try {
      for (int i = 0; i < count; i++) {
        var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find " + count + " free loopback ports", e);
    } finally {
      for (var socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // It was only held to keep the port from being handed out twice.
        }
      }
    }
  }
}
