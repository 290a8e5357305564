package dev.sightline.probe.es;

/** A node did not reach green health; the message carries the tail of its logs. */
public final class NodeStartException extends RuntimeException {

  NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
