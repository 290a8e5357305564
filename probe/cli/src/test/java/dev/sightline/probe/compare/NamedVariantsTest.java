package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

import dev.sightline.exporter.config.ConfigParser;
import org.junit.jupiter.api.Test;

class NamedVariantsTest {

  @Test
  void shouldRunTwoHopTheFieldsOneHopAndSightlinesDefaultsByDefault() {
    assertThat(NamedVariants.defaultRun())
        .extracting(VariantSpec::name, VariantSpec::design)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("two-hop", Design.TWO_HOP),
            org.assertj.core.groups.Tuple.tuple("direct-field", Design.DIRECT),
            org.assertj.core.groups.Tuple.tuple("direct", Design.DIRECT));
  }

  @Test
  void shouldGiveTheFieldsOneHopItsTimerDrivenSynchronousBulksAndSightlinesNothingButItsDefaults() {
    assertThat(NamedVariants.DIRECT_FIELD.settings())
        .containsExactly(
            entry("bulk.delay", "1s"),
            entry("bulk.linger", "1s"),
            entry("bulk.maxInFlight", "1"),
            entry("visibility.refresh", "engine"));
    assertThat(NamedVariants.DIRECT.settings()).isEmpty();
    assertThat(NamedVariants.TWO_HOP.settings()).isEmpty();
  }

  @Test
  void shouldOnlyUseSettingsTheExporterKnows() {
    for (var variant : NamedVariants.ALL) {
      assertThatCode(() -> ConfigParser.parse(variant.settings()))
          .as("%s's settings", variant.name())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void shouldFindAVariantByNameWhateverItsCase() {
    assertThat(NamedVariants.byName(" Direct-Field ")).contains(NamedVariants.DIRECT_FIELD);
    assertThat(NamedVariants.byName("direct-fields")).isEmpty();
  }
}
