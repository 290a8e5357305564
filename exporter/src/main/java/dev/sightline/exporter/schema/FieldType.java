package dev.sightline.exporter.schema;

/** The Elasticsearch field types the read model uses; every field is mapped explicitly. */
public enum FieldType {
  /**
   * Longer values are kept in {@code _source} but not indexed: a keyword term over 32766 bytes would make
   * Elasticsearch reject the whole document (camunda/camunda#32891, paths over 32 KB blocked indexing).
   */
  KEYWORD("{\"type\":\"keyword\",\"ignore_above\":8191}"),
  LONG("{\"type\":\"long\"}"),
  INTEGER("{\"type\":\"integer\"}"),
  BOOLEAN("{\"type\":\"boolean\"}"),
  DATE("{\"type\":\"date\",\"format\":\"strict_date_optional_time||epoch_millis\"}"),
  TEXT("{\"type\":\"text\"}"),
  /** Kept in {@code _source} only: neither indexed nor aggregatable (e.g. BPMN XML, full variable values). */
  STORED_ONLY("{\"type\":\"keyword\",\"index\":false,\"doc_values\":false}");

  private final String mappingJson;

  FieldType(String mappingJson) {
    this.mappingJson = mappingJson;
  }

  /** The field's mapping as JSON, e.g. {@code {"type":"keyword"}}. */
  public String mappingJson() {
    return mappingJson;
  }
}
