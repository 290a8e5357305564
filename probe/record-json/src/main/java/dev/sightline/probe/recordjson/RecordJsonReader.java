package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads recorded Zeebe records back into {@code ImmutableRecord}s with the protocol's {@code
 * Immutable<X>RecordValue}s, so real records of any broker since 8.1 can be replayed to the
 * exporter.
 *
 * <p>Two layouts are understood per record: the exporter form ({@code record.toJson()}: value under
 * {@code value}) and zdb's {@code log print} form (value under {@code recordValue}, msgpack
 * documents as base64, which are decoded: {@code variables} into maps, a VARIABLE's value into JSON
 * text). Properties unknown to the protocol are ignored and reported; properties a record lacks
 * keep the builder's defaults. Records that cannot be mapped — unknown value type or intent,
 * identity types whose classes are excluded, fields of the wrong type — are returned as {@link
 * ReadResult.Skipped}, never thrown. Only malformed JSON throws ({@link
 * MalformedRecordJsonException}).
 *
 * <p>Thread-safe and stateless: the per-type mapping is computed once and cached.
 */
public final class RecordJsonReader {

  /**
   * Reads one record object.
   *
   * @throws MalformedRecordJsonException if the text is not one well-formed JSON value
   * @throws IllegalArgumentException if the JSON value is not an object
   */
  public ReadResult read(String json) {
    JsonNode node;
    try {
      node = Json.SINGLE_VALUE_READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed("input", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "expected one JSON object (a record) but found "
              + (node == null ? "no value" : node.getNodeType()));
    }
    return RecordMapper.map(node);
  }

  /**
   * Reads every record in a JSON document, a sequence of JSON documents or NDJSON, wherever they
   * are nested. The stream is read to its end and not closed.
   *
   * @throws MalformedRecordJsonException if the input is not well-formed JSON
   */
  public ReadAllResult readAll(InputStream in) throws IOException {
    return readAll(Json.MAPPER.createParser(in), "input");
  }

  /** Like {@link #readAll(InputStream)}, from characters. */
  public ReadAllResult readAll(Reader in) throws IOException {
    return readAll(Json.MAPPER.createParser(in), "input");
  }

  /** Like {@link #readAll(InputStream)}, from a file; errors name the file. */
  public ReadAllResult readAll(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readAll(Json.MAPPER.createParser(in), file.toString());
    }
  }

  private static ReadAllResult readAll(JsonParser parser, String source) throws IOException {
    List<ReadResult> results = new ArrayList<>();
    try (parser) {
      while (parser.nextToken() != null) {
        JsonNode root = Json.MAPPER.readTree(parser);
        RecordLocator.locate(root, node -> results.add(RecordMapper.map(node)));
      }
    } catch (JsonProcessingException e) {
      throw malformed(source, e);
    }
    return new ReadAllResult(results);
  }

  private static MalformedRecordJsonException malformed(String source, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = location == null ? -1 : location.getLineNr();
    int column = location == null ? -1 : location.getColumnNr();
    return new MalformedRecordJsonException(source, line, column, e.getOriginalMessage(), e);
  }
}
