package dev.sightline.exporter.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sightline.exporter.batch.PendingDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns documents into bulk lines with Jackson's streaming generator (no data binding on the hot
 * path): a whole document is an {@code index} operation (nothing for Elasticsearch to read); any
 * other is a partial {@code update} with {@code doc_as_upsert}, which makes Elasticsearch fetch the
 * current version in real time (docs/benchmarks.md). Strings go through the UTF-8 generator, which
 * escapes a lone surrogate ({@code \uD800}) instead of failing the whole bulk. Thread-safe.
 */
public final class BulkLines {

  /**
   * Concurrent updates of one document (several partitions) are retried by Elasticsearch itself.
   */
  static final int RETRY_ON_CONFLICT = 5;

  private static final JsonFactory JSON = new JsonFactory();

  private BulkLines() {}

  /** The item for one pending document of the read model. */
  public static BulkItem of(PendingDocument document) {
    var out = new ByteArrayOutputStream(256);
    try (var generator = JSON.createGenerator(out)) {
      action(
          generator,
          document.whole() ? "index" : "update",
          document.key().index(),
          document.key().id(),
          null);
      generator.writeRaw('\n');
      if (document.whole()) {
        value(generator, document.fields());
      } else {
        generator.writeStartObject();
        generator.writeFieldName("doc");
        value(generator, document.fields());
        generator.writeBooleanField("doc_as_upsert", true);
        generator.writeEndObject();
      }
      generator.writeRaw('\n');
    } catch (IOException e) {
      throw new StoreException("cannot serialize document " + document.key(), e);
    }
    return new BulkItem(document.key(), out.toByteArray(), document);
  }

  /**
   * An {@code index} operation of a source that is JSON already (the record-index exporter's),
   * routed when {@code routing} is not null.
   */
  public static BulkItem index(String index, String id, String routing, byte[] source) {
    var out = new ByteArrayOutputStream(source.length + 128);
    try (var generator = JSON.createGenerator(out)) {
      action(generator, "index", index, id, routing);
      generator.writeRaw('\n');
      generator.flush();
      out.write(source);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BulkItem(
        new dev.sightline.exporter.batch.DocumentKey(index, id), out.toByteArray(), null);
  }

  /**
   * A {@code create} operation: written only if no document with that id is in the index yet (else
   * the item is refused with 409, {@code version_conflict_engine_exception}).
   */
  public static BulkItem create(String index, String id, Map<String, Object> source) {
    var out = new ByteArrayOutputStream(256);
    try (var generator = JSON.createGenerator(out)) {
      action(generator, "create", index, id, null);
      generator.writeRaw('\n');
      value(generator, source);
      generator.writeRaw('\n');
    } catch (IOException e) {
      throw new StoreException("cannot serialize document " + index + "/" + id, e);
    }
    return new BulkItem(
        new dev.sightline.exporter.batch.DocumentKey(index, id), out.toByteArray(), null);
  }

  /** A {@code delete} operation: an action line and no source. */
  public static BulkItem delete(dev.sightline.exporter.batch.DocumentKey key) {
    var out = new ByteArrayOutputStream(128);
    try (var generator = JSON.createGenerator(out)) {
      action(generator, "delete", key.index(), key.id(), null);
      generator.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BulkItem(key, out.toByteArray(), null);
  }

  private static void action(
      JsonGenerator generator, String action, String index, String id, String routing)
      throws IOException {
    generator.writeStartObject();
    generator.writeObjectFieldStart(action);
    generator.writeStringField("_index", index);
    generator.writeStringField("_id", id);
    if (routing != null) {
      generator.writeStringField("routing", routing);
    }
    if (action.equals("update")) {
      generator.writeNumberField("retry_on_conflict", RETRY_ON_CONFLICT);
    }
    generator.writeEndObject();
    generator.writeEndObject();
  }

  private static void value(JsonGenerator generator, Object value) throws IOException {
    switch (value) {
      case null -> generator.writeNull();
      case CharSequence text -> generator.writeString(text.toString());
      case Boolean bool -> generator.writeBoolean(bool);
      case Integer number -> generator.writeNumber(number);
      case Long number -> generator.writeNumber(number);
      case Short number -> generator.writeNumber(number);
      case Double number -> generator.writeNumber(number);
      case Float number -> generator.writeNumber(number);
      case java.math.BigInteger number -> generator.writeNumber(number);
      case java.math.BigDecimal number -> generator.writeNumber(number);
      case Number number -> generator.writeNumber(number.longValue());
      case Map<?, ?> map -> {
        generator.writeStartObject();
        for (var entry : map.entrySet()) {
          generator.writeFieldName(String.valueOf(entry.getKey()));
          value(generator, entry.getValue());
        }
        generator.writeEndObject();
      }
      case Collection<?> items -> {
        generator.writeStartArray();
        for (var item : items) {
          value(generator, item);
        }
        generator.writeEndArray();
      }
      case Enum<?> constant -> generator.writeString(constant.name());
      default -> generator.writeString(String.valueOf(value));
    }
  }
}
