package dev.sightline.exporter.schema;

/** The Elasticsearch field types the read model uses; every field is mapped explicitly. */
public enum FieldType {
  KEYWORD("{\"type\":\"keyword\"}"),
  LONG("{\"type\":\"long\"}"),
  INTEGER("{\"type\":\"integer\"}"),
  BOOLEAN("{\"type\":\"boolean\"}"),
  DATE("{\"type\":\"date\",\"format\":\"strict_date_optional_time||epoch_millis\"}"),
  TEXT("{\"type\":\"text\"}"),
  /** Kept in {@code _source} only: neither indexed nor aggregatable (e.g. BPMN XML, full variable values). */
  STORED_ONLY("{\"type\":\"keyword\",\"index\":false,\"doc_values\":false}"),
  /**
   * A JSON object kept in {@code _source} only, its keys not mapped: maps whose keys are data (custom headers,
   * element names), which a strict mapping could not name in advance.
   */
  STORED_OBJECT("{\"type\":\"object\",\"enabled\":false}");

  private final String mappingJson;

  FieldType(String mappingJson) {
    this.mappingJson = mappingJson;
  }

  /** The field's mapping as JSON, e.g. {@code {"type":"keyword"}}. */
  public String mappingJson() {
    return mappingJson;
  }
}
