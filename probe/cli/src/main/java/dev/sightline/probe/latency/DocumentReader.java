package dev.sightline.probe.latency;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Asks an index which of some ids it has, in one request. */
public interface DocumentReader extends AutoCloseable {

  /**
   * @return the ids among {@code ids} the index answers with now; none if the index does not exist
   *     yet
   * @throws IOException if the request failed (the ids stay pending)
   */
  Set<String> find(String index, List<String> ids) throws IOException;

  @Override
  default void close() {}
}
