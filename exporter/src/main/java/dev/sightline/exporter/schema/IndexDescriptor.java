package dev.sightline.exporter.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One read-model index: its name, schema version and every field. The version is part of the index
 * name, so a changed mapping gets a new index instead of a conflict with existing data.
 */
public record IndexDescriptor(String name, int version, List<Field> fields) {

  public IndexDescriptor {
    fields = List.copyOf(fields);
  }

  /** {@code <prefix>-<name>-v<version>}, e.g. {@code sightline-process-instance-v2}. */
  public String indexName(String prefix) {
    return prefix + "-" + name + "-v" + version;
  }

  public String templateName(String prefix) {
    return indexName(prefix) + "-template";
  }

  /** Strict: a document with a field the schema does not know is rejected, not silently mapped. */
  public String mappingsJson() {
    return fields.stream()
        .map(field -> "\"" + field.name() + "\":" + field.type().mappingJson())
        .collect(Collectors.joining(",", "{\"dynamic\":\"strict\",\"properties\":{", "}}"));
  }
}
