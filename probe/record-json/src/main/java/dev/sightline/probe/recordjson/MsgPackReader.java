package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MessagePack decoder into Jackson nodes, enough for the documents Zeebe stores
 * (variables are msgpack maps of JSON-like values): nil, booleans, all integer and float formats,
 * strings, binary, arrays and maps. Extension types are refused. Written here because zdb prints
 * documents as base64 msgpack and a msgpack library would be one more dependency in the shaded jar
 * for a test-and-replay feature.
 */
final class MsgPackReader {

  private static final JsonNodeFactory NODES = Json.NODES;

  private final byte[] bytes;
  private int offset;

  private MsgPackReader(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Decodes exactly one msgpack value.
   *
   * @throws IllegalArgumentException if the bytes are not one well-formed msgpack value
   */
  static JsonNode read(byte[] bytes) {
    MsgPackReader reader = new MsgPackReader(bytes);
    JsonNode value = reader.value();
    if (reader.offset != bytes.length) {
      throw new IllegalArgumentException(
          (bytes.length - reader.offset)
              + " trailing bytes after the value at offset "
              + reader.offset);
    }
    return value;
  }

  private JsonNode value() {
    int start = offset;
    int type = u8();
    if (type <= 0x7f) {
      return NODES.numberNode(type);
    } else if (type <= 0x8f) {
      return map(type & 0x0f);
    } else if (type <= 0x9f) {
      return array(type & 0x0f);
    } else if (type <= 0xbf) {
      return NODES.textNode(string(type & 0x1f));
    } else if (type >= 0xe0) {
      return NODES.numberNode((int) (byte) type);
    }
    return switch (type) {
      case 0xc0 -> NODES.nullNode();
      case 0xc2 -> NODES.booleanNode(false);
      case 0xc3 -> NODES.booleanNode(true);
      case 0xc4 -> NODES.binaryNode(take(u8()));
      case 0xc5 -> NODES.binaryNode(take(u16()));
      case 0xc6 -> NODES.binaryNode(take(length32()));
      case 0xca -> NODES.numberNode((double) Float.intBitsToFloat((int) fixed(4)));
      case 0xcb -> NODES.numberNode(Double.longBitsToDouble(fixed(8)));
      case 0xcc -> NODES.numberNode(u8());
      case 0xcd -> NODES.numberNode(u16());
      case 0xce -> integer(fixed(4));
      case 0xcf -> unsigned64(fixed(8));
      case 0xd0 -> NODES.numberNode((int) (byte) u8());
      case 0xd1 -> NODES.numberNode((int) (short) u16());
      case 0xd2 -> NODES.numberNode((int) fixed(4));
      case 0xd3 -> integer(fixed(8));
      case 0xd9 -> NODES.textNode(string(u8()));
      case 0xda -> NODES.textNode(string(u16()));
      case 0xdb -> NODES.textNode(string(length32()));
      case 0xdc -> array(u16());
      case 0xdd -> array(length32());
      case 0xde -> map(u16());
      case 0xdf -> map(length32());
      default ->
          throw new IllegalArgumentException(
              String.format("unsupported msgpack type 0x%02x at offset %d", type, start));
    };
  }

  private ObjectNode map(int size) {
    ObjectNode map = NODES.objectNode();
    for (int i = 0; i < size; i++) {
      JsonNode key = value();
      map.set(key.isTextual() ? key.textValue() : key.toString(), value());
    }
    return map;
  }

  private ArrayNode array(int size) {
    ArrayNode array = NODES.arrayNode(Math.min(size, 1024));
    for (int i = 0; i < size; i++) {
      array.add(value());
    }
    return array;
  }

  /** Integers as narrow as they fit, like a JSON parser gives them. */
  private static JsonNode integer(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  private static JsonNode unsigned64(long bits) {
    return bits >= 0
        ? integer(bits)
        : NODES.numberNode(new BigInteger(Long.toUnsignedString(bits)));
  }

  private String string(int length) {
    return new String(take(length), StandardCharsets.UTF_8);
  }

  private byte[] take(int length) {
    require(length);
    byte[] taken = new byte[length];
    System.arraycopy(bytes, offset, taken, 0, length);
    offset += length;
    return taken;
  }

  private int u8() {
    require(1);
    return bytes[offset++] & 0xff;
  }

  private int u16() {
    return (int) fixed(2);
  }

  private int length32() {
    long length = fixed(4) & 0xffffffffL;
    if (length > bytes.length - offset) {
      throw new IllegalArgumentException(
          "length " + length + " exceeds the data at offset " + offset);
    }
    return (int) length;
  }

  /** A big-endian unsigned value of 2, 4 or 8 bytes (8 bytes: the raw bits). */
  private long fixed(int size) {
    require(size);
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | (bytes[offset++] & 0xff);
    }
    return value;
  }

  private void require(int length) {
    if (length < 0 || length > bytes.length - offset) {
      throw new IllegalArgumentException(
          "truncated: needs " + length + " bytes at offset " + offset + " of " + bytes.length);
    }
  }
}
