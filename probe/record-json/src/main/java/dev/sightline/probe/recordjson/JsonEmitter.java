package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one Java value of a known declared type as JSON. Emitters are built once per getter and
 * reused, so the hot path does no type dispatch beyond what the value itself needs.
 */
@FunctionalInterface
interface JsonEmitter {

  /**
   * @param value the value to write, may be {@code null}
   * @param owner the value object the value was read from (polymorphic properties look at its
   *     siblings)
   */
  void emit(JsonGenerator generator, Object value, Object owner) throws IOException;
}
