package dev.sightline.probe.workload.engine;

import io.camunda.zeebe.protocol.Protocol;

/**
 * Keys of one partition as the engine generates them: the partition id in the top bits ({@code key
 * >> 51 == partitionId}), a counter below, the first key ending in 1.
 *
 * <p>Not thread-safe: owned by one partition's engine.
 */
final class KeyGenerator {

  private final int partitionId;
  private long last;

  /**
   * @param used keys of this partition already taken (the deployment's, on the deployment
   *     partition)
   */
  KeyGenerator(int partitionId, long used) {
    this.partitionId = partitionId;
    this.last = used;
  }

  long next() {
    return Protocol.encodePartitionId(partitionId, ++last);
  }
}
