package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Finds record objects anywhere in a JSON tree, in document order: records are found in arrays,
 * wrapper objects, zdb raft entries or nested deeper. A record is an object with textual {@code
 * valueType} and {@code intent} and an object {@code value} (exporter form) or {@code recordValue}
 * (zdb). The search does not descend into a record, so values that look like records (an
 * ASYNC_REQUEST names a value type and an intent) are not mistaken for one.
 */
final class RecordLocator {

  private RecordLocator() {}

  static void locate(JsonNode node, Consumer<JsonNode> onRecord) {
    if (node.isObject()) {
      if (isRecord(node)) {
        onRecord.accept(node);
        return;
      }
      for (JsonNode child : node) {
        locate(child, onRecord);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        locate(child, onRecord);
      }
    }
  }

  static boolean isRecord(JsonNode node) {
    return node.path("valueType").isTextual()
        && node.path("intent").isTextual()
        && (node.path("value").isObject() || node.path("recordValue").isObject());
  }
}
