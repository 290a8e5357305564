package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void shouldLabelAVariantByItsNameAndTheSameNameAgainByNumber() {
    // when
    var variants =
        Variant.labelled(
            List.of(
                VariantParser.parse("direct"),
                VariantParser.parse("direct:bulk.delay=200ms"),
                VariantParser.parse("two-hop"),
                VariantParser.parse("direct")));

    // then
    assertThat(variants)
        .extracting(Variant::label)
        .containsExactly("direct", "direct#2", "two-hop", "direct#3");
    assertThat(variants.get(1).settings()).containsEntry("bulk.delay", "200ms");
  }

  @Test
  void shouldKeepALabelGivenAndNumberTheNameThatWouldClashWithIt() {
    // when
    var variants =
        Variant.labelled(
            List.of(
                VariantParser.parse("direct"), VariantParser.parse("direct-field:label=direct")));

    // then the given label wins, wherever it stands
    assertThat(variants).extracting(Variant::label).containsExactly("direct#2", "direct");
  }

  @Test
  void shouldRefuseALabelGivenTwice() {
    assertThatThrownBy(
            () ->
                Variant.labelled(
                    List.of(
                        VariantParser.parse("direct:label=a"),
                        VariantParser.parse("two-hop:label=a"))))
        .isInstanceOf(InvalidVariantException.class)
        .hasMessage("two variants are labelled 'a'; labels must be unique");
  }

  @Test
  void shouldMakeALabelPartOfAnIndexName() {
    assertThat(new Variant("direct#2", NamedVariants.DIRECT).slug()).isEqualTo("direct-2");
    assertThat(new Variant("field_1.5s", NamedVariants.DIRECT).slug()).isEqualTo("field-1-5s");
  }
}
