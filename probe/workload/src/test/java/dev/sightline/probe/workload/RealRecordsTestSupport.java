package dev.sightline.probe.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** Record predicates shared by the tests on real records. */
final class RealRecordsTestSupport {

  private RealRecordsTestSupport() {}

  /**
   * The SEQUENCE_FLOW_TAKEN right after {@code elementId} completed (matched by its source
   * element).
   */
  static Predicate<JsonNode> flowAfterCompleted(String elementId) {
    boolean[] completed = {false};
    return r -> {
      if (RealRecords.isElement(r, "ELEMENT_COMPLETED", elementId)) {
        completed[0] = true;
        return false;
      }
      return completed[0]
          && RealRecords.isElement(r, "SEQUENCE_FLOW_TAKEN", r.at("/value/elementId").asText());
    };
  }
}
