package dev.sightline.exporter.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;
import org.apache.http.entity.AbstractHttpEntity;

/**
 * A bulk request body made of its items' bytes as they are, without copying them into one array:
 * each document's lines were serialized once, and a retry sends them again.
 */
final class BulkBody extends AbstractHttpEntity {

  private final List<BulkItem> items;
  private final long length;

  BulkBody(List<BulkItem> items) {
    this.items = items;
    this.length = items.stream().mapToLong(BulkItem::bytes).sum();
    setContentType("application/x-ndjson");
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public InputStream getContent() {
    return new SequenceInputStream(
        Collections.enumeration(
            items.stream()
                .map(item -> (InputStream) new ByteArrayInputStream(item.lines()))
                .toList()));
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    for (var item : items) {
      out.write(item.lines());
    }
  }

  @Override
  public boolean isStreaming() {
    return false;
  }
}
