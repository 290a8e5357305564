package dev.sightline.exporter.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a bulk response with Jackson's streaming parser: the rejected items only. When {@code
 * errors} is false (it comes before {@code items}) the rest is not read at all.
 */
public final class BulkResponses {

  private static final JsonFactory JSON = new JsonFactory();

  private BulkResponses() {}

  /** Adds the rejected items of one bulk response to {@code failures}. */
  public static void collect(InputStream body, BulkItemFailures.Collector failures)
      throws IOException {
    try (var parser = JSON.createParser(body)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var field = parser.currentName();
        var token = parser.nextToken();
        if (field.equals("errors") && token == JsonToken.VALUE_FALSE) {
          return;
        }
        if (field.equals("items") && token == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            item(parser, failures);
          }
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  /** {@code {"<action>": {"_index", "_id", "status", "error": {"type", "reason"}}}} */
  private static void item(JsonParser parser, BulkItemFailures.Collector failures)
      throws IOException {
    expect(parser.nextToken(), JsonToken.FIELD_NAME); // the action
    expect(parser.nextToken(), JsonToken.START_OBJECT);
    String index = null;
    String id = null;
    int status = 0;
    String type = null;
    String reason = null;
    var error = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var field = parser.currentName();
      var token = parser.nextToken();
      switch (field) {
        case "_index" -> index = parser.getValueAsString();
        case "_id" -> id = parser.getValueAsString();
        case "status" -> status = parser.getValueAsInt();
        case "error" -> {
          error = true;
          if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              var name = parser.currentName();
              parser.nextToken();
              switch (name) {
                case "type" -> type = parser.getValueAsString();
                case "reason" -> reason = parser.getValueAsString();
                default -> parser.skipChildren();
              }
            }
          } else {
            reason = parser.getValueAsString();
          }
        }
        default -> parser.skipChildren();
      }
    }
    expect(parser.nextToken(), JsonToken.END_OBJECT); // closes {"<action>": …}
    if (error) {
      failures.add(type, index, id, status, reason);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException(
          "unexpected bulk response: " + actual + " where " + expected + " was due");
    }
  }
}
