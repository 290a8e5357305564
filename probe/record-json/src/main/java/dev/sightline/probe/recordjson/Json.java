package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one {@link ObjectMapper} of the codec. Creating mappers is expensive and they are thread-safe
 * once configured, so reader and writer share this one.
 */
final class Json {

  /**
   * Flushing after each value would make the writer flush once per variable when given a stream;
   * streams handed to the reader and writer belong to the caller and are not closed.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  /** Reads exactly one JSON value: trailing content after it is an error, not silently ignored. */
  static final ObjectReader SINGLE_VALUE_READER =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}
}
