package dev.sightline.exporter.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuePreviewTest {

  private static final String EMOJI = "\uD83D\uDE00"; // 😀: one code point, two UTF-16 units

  @ParameterizedTest(name = "{0} ASCII characters, preview {1}: truncated {2}")
  @CsvSource({
    "8190, 8191, false",
    "8191, 8191, false",
    "8192, 8191, true",
    "0, 1, false",
    "2, 1, true"
  })
  void shouldCutOnlyValuesLongerThanThePreview(int length, int previewSize, boolean truncated) {
    // given
    var value = "a".repeat(length);

    // when
    var preview = ValuePreview.of(value, previewSize);

    // then
    assertThat(preview.truncated()).isEqualTo(truncated);
    assertThat(preview.preview()).isEqualTo(value.substring(0, Math.min(length, previewSize)));
  }

  @ParameterizedTest(name = "{0} emoji, preview {1}")
  @CsvSource({"8191, 8191, false", "8192, 8191, true", "3, 2, true"})
  void shouldCountCodePointsNotUtf16Units(int emoji, int previewSize, boolean truncated) {
    // given values of surrogate pairs: twice as many UTF-16 units as characters
    var value = EMOJI.repeat(emoji);

    // when
    var preview = ValuePreview.of(value, previewSize);

    // then
    assertThat(preview.truncated()).isEqualTo(truncated);
    assertThat(preview.preview()).isEqualTo(EMOJI.repeat(Math.min(emoji, previewSize)));
    assertThat(preview.preview().codePointCount(0, preview.preview().length()))
        .isEqualTo(Math.min(emoji, previewSize));
  }

  @ParameterizedTest(name = "{0} ASCII then an emoji, preview {1}")
  @CsvSource({"8190, 8191, false", "8191, 8191, true"})
  void shouldNeverSplitASurrogatePairAtTheBoundary(int ascii, int previewSize, boolean truncated) {
    // given an emoji as the 8191st or 8192nd character (8192 or 8193 UTF-16 units)
    var value = "a".repeat(ascii) + EMOJI;

    // when
    var preview = ValuePreview.of(value, previewSize);

    // then the emoji is kept whole or dropped whole
    assertThat(preview.truncated()).isEqualTo(truncated);
    assertThat(preview.preview()).isEqualTo(truncated ? "a".repeat(ascii) : value);
    assertThat(Character.isHighSurrogate(preview.preview().charAt(preview.preview().length() - 1)))
        .isFalse();
  }
}
