package dev.sightline.exporter.flush;

import dev.sightline.exporter.store.BulkItem;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One bulk of a partition, from its cut until every item is durable (or dead-lettered): the items
 * still outstanding, as the bytes serialized at the cut. While it is {@link #sent} Elasticsearch
 * has it; while it is {@link #waiting} it failed and waits for its retry. Exporter thread only.
 */
final class Bulk {

  final long id;
  final int documents;
  final int records;
  List<BulkItem> items;
  boolean sent;
  boolean waiting;
  boolean refresh;

  /**
   * Cut while the partition is more than {@code visibility.maxRefreshLag} behind the log: the
   * index's own refresh interval makes it searchable (a refresh per bulk would slow the node that
   * works the backlog off, for less than the backlog's wait).
   */
  boolean catchingUp;

  long sequenceAtSend;
  long startNanos;

  Bulk(long id, List<BulkItem> items, int records) {
    this.id = id;
    this.items = items;
    this.documents = items.size();
    this.records = records;
  }

  Set<String> indices() {
    var indices = new TreeSet<String>();
    items.forEach(item -> indices.add(item.key().index()));
    return indices;
  }
}
