package dev.sightline.probe.recordjson;

/**
 * The two shapes recorded Zeebe records come in; they differ in where the value is and how
 * documents are.
 */
enum RecordLayout {
  /**
   * {@code record.toJson()} of a broker or exporter: value under {@code value}, variables as JSON
   * objects, VARIABLE values as JSON text.
   */
  EXPORTER,
  /**
   * {@code zdb log print}: value under {@code recordValue}, msgpack documents (variables, VARIABLE
   * values) as base64 strings, authorization as an unsigned JWT in {@code authData}, no {@code
   * partitionId}.
   */
  ZDB
}
