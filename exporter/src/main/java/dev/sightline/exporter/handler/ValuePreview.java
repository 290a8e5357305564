package dev.sightline.exporter.handler;

/**
 * A variable value cut to at most {@code previewSize} Unicode code points. Code points, not UTF-16
 * units: a surrogate pair (an emoji) is one character to a reader and is never split, and 8191 code
 * points of at most 4 UTF-8 bytes each always fit Lucene's 32766-byte limit for an indexed keyword.
 *
 * @param preview the value, or its first {@code previewSize} code points
 * @param truncated whether {@code preview} is shorter than the value
 */
record ValuePreview(String preview, boolean truncated) {

  static ValuePreview of(String value, int previewSize) {
    if (value.length() <= previewSize) {
      return new ValuePreview(value, false); // never more code points than UTF-16 units
    }
    var end = endOfCodePoints(value, previewSize);
    return end == value.length()
        ? new ValuePreview(value, false)
        : new ValuePreview(value.substring(0, end), true);
  }

  /** The index after the first {@code count} code points, or the length if the value has fewer. */
  private static int endOfCodePoints(String value, int count) {
    var index = 0;
    for (var seen = 0; seen < count && index < value.length(); seen++) {
      index += Character.charCount(value.codePointAt(index));
    }
    return index;
  }
}
