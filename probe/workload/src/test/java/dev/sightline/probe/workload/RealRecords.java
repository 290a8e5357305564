package dev.sightline.probe.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sightline.probe.recordjson.RecordJsonWriter;
import io.camunda.zeebe.protocol.record.Record;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The records a real Zeebe 8.8.0 engine wrote (the exporter's test corpus, read from the class path
 * through its test-jar; provenance in {@code corpus/PROVENANCE.md}), as JSON trees, and generated
 * records in the same JSON form ({@link RecordJsonWriter} writes exactly what the broker's {@code
 * toJson()} does).
 */
final class RealRecords {

  static final String CORPUS =
      "/corpus/_generated__zeebe-process-test-engine/records-zeebe-8.8.0.ndjson";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RecordJsonWriter WRITER = new RecordJsonWriter();
  private static List<JsonNode> all;

  private RealRecords() {}

  /** Every record of the 8.8.0 file, in position order. */
  static synchronized List<JsonNode> all() {
    if (all == null) {
      var lines = new ArrayList<JsonNode>();
      try (var in = RealRecords.class.getResourceAsStream(CORPUS)) {
        if (in == null) {
          throw new IllegalStateException(
              "Not on the class path: " + CORPUS + " (the exporter's test-jar)");
        }
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isBlank()) {
            lines.add(JSON.readTree(line));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      all = List.copyOf(lines);
    }
    return all;
  }

  static JsonNode json(Record<?> record) {
    try {
      return JSON.readTree(WRITER.write(record));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> json(List<? extends Record<?>> records) {
    return records.stream().map(RealRecords::json).toList();
  }

  /**
   * The records from the first one matching {@code from} to the first one after it matching {@code
   * to}, both included, without the empty job batches of workers polling for other work.
   */
  static List<JsonNode> between(
      List<JsonNode> records, Predicate<JsonNode> from, Predicate<JsonNode> to) {
    int first = indexOf(records, from, 0);
    int last = indexOf(records, to, first);
    return withoutEmptyJobBatches(records.subList(first, last + 1));
  }

  static List<JsonNode> withoutEmptyJobBatches(List<JsonNode> records) {
    Set<Long> emptyPolls = new HashSet<>();
    for (JsonNode record : records) {
      if (is(record, "JOB_BATCH", "EVENT", "ACTIVATED") && record.at("/value/jobKeys").isEmpty()) {
        emptyPolls.add(record.get("sourceRecordPosition").asLong());
        emptyPolls.add(record.get("position").asLong());
      }
    }
    return records.stream().filter(r -> !emptyPolls.contains(r.get("position").asLong())).toList();
  }

  static boolean is(JsonNode record, String valueType, String recordType, String intent) {
    return record.get("valueType").asText().equals(valueType)
        && record.get("recordType").asText().equals(recordType)
        && record.get("intent").asText().equals(intent);
  }

  static boolean isElement(JsonNode record, String intent, String elementId) {
    return is(record, "PROCESS_INSTANCE", "EVENT", intent)
        && record.at("/value/elementId").asText().equals(elementId);
  }

  private static int indexOf(List<JsonNode> records, Predicate<JsonNode> condition, int from) {
    for (int i = from; i < records.size(); i++) {
      if (condition.test(records.get(i))) {
        return i;
      }
    }
    throw new IllegalArgumentException("No matching record from index " + from);
  }
}
