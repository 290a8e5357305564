package dev.sightline.exporter.schema;

/** The Elasticsearch field types the read model uses; every field is mapped explicitly. */
public enum FieldType {
  /**
   * Longer values are kept in {@code _source} but not indexed: a keyword term over 32766 bytes
   * would make Elasticsearch reject the whole document (camunda/camunda#32891, paths over 32 KB
   * blocked indexing).
   */
  KEYWORD("{\"type\":\"keyword\",\"ignore_above\":8191}"),
  /**
   * A keyword whose values the exporter keeps within Lucene's 32766-byte term limit itself
   * (variable previews: at most 8191 code points, so at most 32764 UTF-8 bytes). It must not get an
   * {@code ignore_above}: Elasticsearch counts that in UTF-16 units, and would leave a preview of
   * 4096 or more emoji unsearchable.
   */
  BOUNDED_KEYWORD("{\"type\":\"keyword\"}"),
  LONG("{\"type\":\"long\"}"),
  INTEGER("{\"type\":\"integer\"}"),
  BOOLEAN("{\"type\":\"boolean\"}"),
  DATE("{\"type\":\"date\",\"format\":\"strict_date_optional_time||epoch_millis\"}"),
  TEXT("{\"type\":\"text\"}"),
  /**
   * Kept in {@code _source} only: neither indexed nor aggregatable (e.g. BPMN XML, full variable
   * values).
   */
  STORED_ONLY("{\"type\":\"keyword\",\"index\":false,\"doc_values\":false}"),
  /**
   * A JSON object kept in {@code _source} only, its keys not mapped: maps whose keys are data
   * (custom headers, element names), which a strict mapping could not name in advance.
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
