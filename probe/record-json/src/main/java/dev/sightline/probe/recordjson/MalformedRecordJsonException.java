package dev.sightline.probe.recordjson;

/**
 * The input is not well-formed JSON. Unlike a record that cannot be mapped (a {@link
 * ReadResult.Skipped}), nothing after the error can be trusted, so reading stops here and says
 * where.
 */
public final class MalformedRecordJsonException extends RuntimeException {

  private final String source;
  private final int line;
  private final int column;

  MalformedRecordJsonException(
      String source, int line, int column, String problem, Throwable cause) {
    super(
        "Malformed JSON in " + source + " at line " + line + ", column " + column + ": " + problem,
        cause);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** What was read: a file name, or "input". */
  public String source() {
    return source;
  }

  /** 1-based line of the error. */
  public int line() {
    return line;
  }

  /** 1-based column of the error. */
  public int column() {
    return column;
  }
}
