package dev.sightline.probe.host;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the broker keeps per partition and exporter in its state: the acknowledged position and the
 * metadata stored with it. Survives exporter restarts within one host, which is how a broker
 * restart is simulated.
 *
 * <p>Thread-safety: thread-safe; written on partition actors, read from anywhere.
 */
final class ExportersState {

  /** The position of an exporter that has acknowledged nothing yet. */
  static final long NO_POSITION = -1;

  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

  long position(int partitionId, String exporterId) {
    Entry entry = entries.get(new Key(partitionId, exporterId));
    return entry == null ? NO_POSITION : entry.position();
  }

  boolean contains(int partitionId, String exporterId) {
    return entries.containsKey(new Key(partitionId, exporterId));
  }

  /**
   * Sets the position; keeps the stored metadata when {@code metadata} is null, as the broker does.
   */
  void update(int partitionId, String exporterId, long position, byte[] metadata) {
    entries.compute(
        new Key(partitionId, exporterId),
        (key, old) -> {
          byte[] kept = metadata != null ? metadata.clone() : old == null ? null : old.metadata();
          return new Entry(position, kept);
        });
  }

  /**
   * A copy of the metadata; empty when none or zero-length was stored (as the broker's
   * readMetadata).
   */
  Optional<byte[]> metadata(int partitionId, String exporterId) {
    Entry entry = entries.get(new Key(partitionId, exporterId));
    return Optional.ofNullable(entry)
        .map(Entry::metadata)
        .filter(bytes -> bytes.length > 0)
        .map(bytes -> Arrays.copyOf(bytes, bytes.length));
  }

  void clear() {
    entries.clear();
  }

  private record Key(int partitionId, String exporterId) {}

  /** The metadata array is never handed out or changed after construction. */
  private record Entry(long position, byte[] metadata) {}
}
