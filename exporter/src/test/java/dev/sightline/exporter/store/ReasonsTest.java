package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonsTest {

  @Test
  void shouldDropTheFieldValueAParsingErrorPreviews() {
    // given Elasticsearch's reason for a value the mapping cannot take
    var reason =
        "failed to parse field [elementId] of type [long] in document with id '42'. Preview of"
            + " field's value: 'Jane Doe, 12 Main St'";

    // when
    var cleaned = Reasons.withoutValues(reason);

    // then
    assertThat(cleaned)
        .isEqualTo(
            "failed to parse field [elementId] of type [long] in document with id '42'. Preview"
                + " of field's value: (value omitted)");
  }

  @Test
  void shouldDropAValueThatRunsOverSeveralLinesAndQuotes() {
    var reason = "failed to parse field [x] of type [long]. Preview of field's value: 'a'\n'b'";

    assertThat(Reasons.withoutValues(reason)).doesNotContain("'a'").doesNotContain("'b'");
  }

  @Test
  void shouldDropThePrefixOfAnImmenseTerm() {
    // given Lucene's reason for a keyword over 32766 bytes: it quotes the term's first bytes
    var reason =
        "Document contains at least one immense term in field=\"treePath\" (whose UTF8 encoding is"
            + " longer than the max length 32766), all of which were skipped. Please correct the"
            + " analyzer to not produce such terms. The prefix of the first immense term is: '[74,"
            + " 97, 110, 101]...', original message: bytes can be at most 32766 in length; got"
            + " 40000";

    // when
    var cleaned = Reasons.withoutValues(reason);

    // then the field name and the sizes stay, the bytes go
    assertThat(cleaned)
        .doesNotContain("74, 97")
        .contains("field=\"treePath\"")
        .contains("The prefix of the first immense term is: (value omitted)")
        .endsWith("got 40000");
  }

  @Test
  void shouldKeepAReasonThatQuotesNoValue() {
    var reason =
        "[1:2] mapping set to strict, dynamic introduction of [noSuchField] within [_doc] is not"
            + " allowed";

    assertThat(Reasons.withoutValues(reason)).isEqualTo(reason);
  }

  @Test
  void shouldBoundALongReason() {
    assertThat(Reasons.withoutValues("x".repeat(5_000))).hasSize(Reasons.MAX_LENGTH + 1);
  }
}
