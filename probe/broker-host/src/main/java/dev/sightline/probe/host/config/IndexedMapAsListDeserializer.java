package dev.sightline.probe.host.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.TreeMap;

/**
 * Lets a collection or array be given as a map with keys "0", "1", … (how Spring binds an indexed
 * list into the broker's {@code Map<String, Object>} args); keys must be the indexes 0..n-1 without
 * gaps. Anything else goes to the regular deserializer unchanged.
 */
final class IndexedMapAsListDeserializer extends DelegatingDeserializer {

  IndexedMapAsListDeserializer(JsonDeserializer<?> delegate) {
    super(delegate);
  }

  @Override
  protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
    return new IndexedMapAsListDeserializer(newDelegatee);
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.isExpectedStartObjectToken()) {
      return super.deserialize(parser, context);
    }
    ObjectNode indexed = context.readTree(parser) instanceof ObjectNode node ? node : null;
    ArrayNode array = toArray(indexed, context);
    try (JsonParser arrayParser = array.traverse(parser.getCodec())) {
      arrayParser.nextToken();
      return super.deserialize(arrayParser, context);
    }
  }

  private static ArrayNode toArray(ObjectNode indexed, DeserializationContext context)
      throws IOException {
    TreeMap<Integer, JsonNode> byIndex = new TreeMap<>();
    for (var field : indexed.properties()) {
      try {
        byIndex.put(Integer.parseInt(field.getKey()), field.getValue());
      } catch (NumberFormatException e) {
        return context.reportInputMismatch(
            (Class<?>) null,
            "Expected a list, or a map with keys 0..n-1, but found key '%s'",
            field.getKey());
      }
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode(byIndex.size());
    int expected = 0;
    for (var entry : byIndex.entrySet()) {
      if (entry.getKey() != expected) {
        return context.reportInputMismatch(
            (Class<?>) null,
            "List index %d is missing (indexes must run 0..n-1 without gaps)",
            expected);
      }
      array.add(entry.getValue());
      expected++;
    }
    return array;
  }
}
