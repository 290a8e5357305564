package dev.sightline.probe.twohop.importer;

import java.util.List;

/**
 * Where a reader's batches come from: one (partition, value type) of the record indices, in
 * sequence order.
 */
@FunctionalInterface
interface RecordBatches {

  /** Up to one batch of the records after {@code sequence}; empty when there is nothing (yet). */
  List<SequenceReader.Hit> after(long sequence);
}
