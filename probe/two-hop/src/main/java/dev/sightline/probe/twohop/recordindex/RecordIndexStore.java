package dev.sightline.probe.twohop.recordindex;

import io.camunda.zeebe.protocol.record.ValueType;
import java.util.List;
import java.util.Set;

/** Where the record indices live. Every method completes or throws {@code StoreException}. */
interface RecordIndexStore extends AutoCloseable {

  void ensureTemplates(Set<ValueType> valueTypes);

  /** Indexes every document (create or overwrite by id: a replayed record overwrites itself). */
  void index(List<RecordDocument> documents);

  void purge(Set<ValueType> valueTypes);

  @Override
  void close();
}
