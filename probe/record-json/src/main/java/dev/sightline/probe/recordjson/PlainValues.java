package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Untyped JSON ↔ plain Java: objects become {@code LinkedHashMap}s (insertion order kept), arrays
 * {@code ArrayList}s, integers {@code Integer} when they fit and {@code Long} otherwise, decimals
 * {@code Double}. These are the types Jackson gives {@code Object}, so a record read, written and
 * read again compares equal.
 */
final class PlainValues {

  private PlainValues() {}

  static Object toJava(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
          map.put(entry.getKey(), toJava(entry.getValue()));
        }
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(toJava(item));
        }
        yield list;
      }
      case STRING -> node.textValue();
      case NUMBER -> number(node);
      case BOOLEAN -> node.booleanValue();
      case BINARY -> binary(node);
      case POJO -> ((POJONode) node).getPojo();
      case NULL, MISSING -> null;
    };
  }

  /** The compact JSON text of a node (how the broker exports a VARIABLE's value). */
  static String toJsonText(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Number number(JsonNode node) {
    if (node.isFloat()) {
      return node.doubleValue(); // a float is widened, as if it had been parsed from JSON text
    }
    return node.numberValue();
  }

  private static byte[] binary(JsonNode node) {
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
