package dev.sightline.exporter.visibility;

import dev.sightline.exporter.batch.DocumentKey;

/**
 * Which documents the {@code visible} stage follows: one in {@code n}, chosen by a hash of index
 * and id. The choice depends on the document alone, so a document followed is followed for every
 * record that changes it — its creation and each later update — and anyone who knows index, id and
 * {@code n} makes the same choice (a reader-side probe that wants the same sample).
 *
 * <p>Thread-safe (immutable).
 */
public final class DocumentSampling {

  private final int oneIn;

  public DocumentSampling(int oneIn) {
    if (oneIn < 1) {
      throw new IllegalArgumentException("oneIn must be at least 1: " + oneIn);
    }
    this.oneIn = oneIn;
  }

  public int oneIn() {
    return oneIn;
  }

  public boolean follows(DocumentKey key) {
    return follows(key.index(), key.id());
  }

  /** Whether the document {@code index}/{@code id} is in the sample. */
  public boolean follows(String index, String id) {
    if (oneIn == 1) {
      return true;
    }
    var hash = mix(index.hashCode() * 31L + id.hashCode());
    return Long.remainderUnsigned(hash, oneIn) == 0;
  }

  /** MurmurHash3's 64-bit finalizer: sequential keys spread evenly over the remainders. */
  private static long mix(long value) {
    var h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
