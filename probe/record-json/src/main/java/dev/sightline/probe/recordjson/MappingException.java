package dev.sightline.probe.recordjson;

/**
 * A recorded JSON property that does not fit the protocol type it maps to (a string where a number
 * belongs, an unknown enum constant, broken base64). The record is skipped with this message as the
 * reason; it is an expected outcome for hand-edited or very old data, so no stack trace is kept.
 */
final class MappingException extends RuntimeException {

  MappingException(String message) {
    super(message, null, false, false);
  }
}
