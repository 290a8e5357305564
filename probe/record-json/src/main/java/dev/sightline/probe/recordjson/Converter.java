package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one JSON node into the Java value a builder setter of a known declared type accepts. Built
 * once per property ({@code Converters}), so mapping a record does no type dispatch.
 */
@FunctionalInterface
interface Converter {

  /**
   * @param node a non-null JSON node
   * @param owner the JSON object the node is a property of (polymorphic properties read its
   *     siblings)
   * @throws MappingException if the node does not fit the type
   */
  Object convert(JsonNode node, ReadContext context, JsonNode owner);
}
