package dev.sightline.probe.latency;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Asks an index which of some ids it has, and at which position, in one request. */
public interface DocumentReader extends AutoCloseable {

  /**
   * @return the ids among {@code ids} the index answers with now, each with the document's {@code
   *     position} ({@link Expectation#ANY_POSITION} if it has none); none if the index does not
   *     exist yet
   * @throws IOException if the request failed (the ids stay pending)
   */
  Map<String, Long> find(String index, List<String> ids) throws IOException;

  @Override
  default void close() {}
}
