package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.ValueTypeMapping;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Converter} for a declared type, the mirror image of {@code Emitters}: numbers
 * must be integral and fit, {@code byte[]} comes from strict base64, enums and intents from their
 * names, nested value interfaces through their own {@link ValueBinding}. In the zdb layout a map
 * given as a string is a base64 msgpack document.
 */
final class Converters {

  private Converters() {}

  static Converter forType(Type type) {
    Class<?> raw = Types.raw(type);
    if (raw == long.class || raw == Long.class) {
      return Converters::toLong;
    } else if (raw == int.class || raw == Integer.class) {
      return Converters::toInt;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return Converters::toBoolean;
    } else if (raw == String.class) {
      return Converters::toText;
    } else if (raw == byte[].class) {
      return Converters::toBytes;
    } else if (raw.isEnum()) {
      return enumConverter(raw.asSubclass(Enum.class));
    } else if (raw == Intent.class) {
      return Converters::toIntent;
    } else if (raw == RecordValue.class) {
      return Converters::toPolymorphicValue;
    } else if (Iterable.class.isAssignableFrom(raw)) {
      return collection(raw, nullable(forType(Types.argument(type, 0))));
    } else if (Map.class.isAssignableFrom(raw)) {
      return map(nullable(forType(Types.argument(type, 1))));
    } else if (Types.isValueInterface(raw)) {
      return ValueBinding.of(raw)::read;
    }
    return (node, context, owner) -> PlainValues.toJava(node);
  }

  /**
   * A string property that holds a JSON document (a VARIABLE's value): JSON text in the exporter
   * layout, a base64 msgpack document in the zdb layout, which is turned into the JSON text the
   * broker would export.
   */
  static Converter jsonText() {
    return (node, context, owner) -> {
      String text = toText(node, context, owner);
      return context.layout() == RecordLayout.ZDB
          ? PlainValues.toJsonText(msgpack(text, context))
          : text;
    };
  }

  private static Converter nullable(Converter converter) {
    return (node, context, owner) -> node.isNull() ? null : converter.convert(node, context, owner);
  }

  private static Object toLong(JsonNode node, ReadContext context, JsonNode owner) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw context.error("expected a 64-bit integer but was " + describe(node));
    }
    return node.longValue();
  }

  private static Object toInt(JsonNode node, ReadContext context, JsonNode owner) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw context.error("expected a 32-bit integer but was " + describe(node));
    }
    return node.intValue();
  }

  private static Object toBoolean(JsonNode node, ReadContext context, JsonNode owner) {
    if (!node.isBoolean()) {
      throw context.error("expected a boolean but was " + describe(node));
    }
    return node.booleanValue();
  }

  static String toText(JsonNode node, ReadContext context, JsonNode owner) {
    if (!node.isTextual()) {
      throw context.error("expected a string but was " + describe(node));
    }
    return node.textValue();
  }

  private static Object toBytes(JsonNode node, ReadContext context, JsonNode owner) {
    return base64(toText(node, context, owner), context);
  }

  private static Converter enumConverter(Class<? extends Enum> type) {
    return (node, context, owner) -> {
      String name = toText(node, context, owner);
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        throw context.error("unknown " + type.getSimpleName() + " '" + name + "'");
      }
    };
  }

  /**
   * An intent property is interpreted with the value type named by its sibling {@code valueType}.
   */
  private static Object toIntent(JsonNode node, ReadContext context, JsonNode owner) {
    String name = toText(node, context, owner);
    ValueType valueType = siblingValueType(context, owner);
    return Intents.of(valueType, name)
        .orElseThrow(
            () -> context.error("unknown intent '" + name + "' for value type " + valueType));
  }

  /**
   * A {@code RecordValue} property (a distributed command) has the interface of its sibling value
   * type. It is mapped (and so checked), but note that the protocol's {@code
   * ImmutableCommandDistributionRecordValue} copies it into a bare {@code ImmutableRecordValue},
   * which keeps none of its properties.
   */
  private static Object toPolymorphicValue(JsonNode node, ReadContext context, JsonNode owner) {
    ValueType valueType = siblingValueType(context, owner);
    try {
      return ValueBinding.of(ValueTypeMapping.get(valueType).getValueClass())
          .read(node, context, owner);
    } catch (IllegalArgumentException | UnavailableTypeException e) {
      throw context.error("cannot map a value of type " + valueType + ": " + e.getMessage());
    }
  }

  private static ValueType siblingValueType(ReadContext context, JsonNode owner) {
    JsonNode sibling = owner == null ? null : owner.get("valueType");
    if (sibling == null || !sibling.isTextual()) {
      throw context.error("needs a sibling valueType to be interpreted");
    }
    try {
      return ValueType.valueOf(sibling.textValue());
    } catch (IllegalArgumentException e) {
      throw context.error("unknown sibling valueType '" + sibling.textValue() + "'");
    }
  }

  private static Converter collection(Class<?> raw, Converter element) {
    boolean set = Set.class.isAssignableFrom(raw);
    return (node, context, owner) -> {
      if (!node.isArray()) {
        throw context.error("expected an array but was " + describe(node));
      }
      Collection<Object> items = set ? new LinkedHashSet<>() : new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        int mark = context.enterIndex(i);
        items.add(element.convert(node.get(i), context, owner));
        context.leave(mark);
      }
      return items;
    };
  }

  private static Converter map(Converter entryValue) {
    return (node, context, owner) -> {
      JsonNode object = node;
      if (node.isTextual() && context.layout() == RecordLayout.ZDB) {
        object = msgpack(node.textValue(), context);
      }
      if (!object.isObject()) {
        throw context.error("expected an object but was " + describe(object));
      }
      Map<String, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        int mark = context.enter(entry.getKey());
        entries.put(entry.getKey(), entryValue.convert(entry.getValue(), context, object));
        context.leave(mark);
      }
      return entries;
    };
  }

  private static byte[] base64(String text, ReadContext context) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw context.error("invalid base64 (" + e.getMessage() + ")");
    }
  }

  private static JsonNode msgpack(String base64, ReadContext context) {
    try {
      return MsgPackReader.read(base64(base64, context));
    } catch (IllegalArgumentException e) {
      throw context.error("invalid msgpack document (" + e.getMessage() + ")");
    }
  }

  private static String describe(JsonNode node) {
    String text = node.toString();
    return node.getNodeType() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }
}
