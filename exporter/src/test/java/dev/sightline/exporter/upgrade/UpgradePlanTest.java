package dev.sightline.exporter.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.schema.Field;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.schema.UpgradeStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which older versions a partition empties, in which order, and which it leaves alone. */
class UpgradePlanTest {

  private static final Field A = Field.keyword("a");
  private static final IndexDescriptor THING_V3 =
      new IndexDescriptor("thing", 1, List.of(A))
          .nextVersion(List.of(A), UpgradeStep.addField(1, A, "from v1"))
          .nextVersion(List.of(A), UpgradeStep.removeField(2, "b"));
  private static final IndexDescriptor OTHER_V2 =
      new IndexDescriptor("other", 2, List.of(A), List.of(UpgradeStep.addField(1, A, "x")));

  @Test
  void shouldEmptyTheNewestOlderVersionFirstAndUpgradeThroughTheWholeChain() {
    // given
    var schema = new ReadModelSchema("t", 1, 0, List.of(THING_V3, OTHER_V2));

    // when
    var plan =
        UpgradePlan.of(
            schema,
            List.of("t-thing-v1", "t-other-v1", "t-thing-v3", "t-thing-v2", "t-thing-v2-old"));

    // then
    assertThat(plan.moves())
        .extracting(UpgradePlan.Move::from, UpgradePlan.Move::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t-thing-v2", "t-thing-v3"),
            org.assertj.core.groups.Tuple.tuple("t-thing-v1", "t-thing-v3"),
            org.assertj.core.groups.Tuple.tuple("t-other-v1", "t-other-v2"));
    assertThat(plan.moves().get(1).upgrade().apply(Map.of("b", 1)))
        .isEqualTo(Map.of("a", "from v1"));
    assertThat(plan.withoutPath()).isEmpty();
  }

  @Test
  void shouldLeaveAloneAnOlderVersionWithoutAWholeChainAndSaySo() {
    var v3FromV2Only =
        new IndexDescriptor("thing", 3, List.of(A), List.of(UpgradeStep.removeField(2, "b")));
    var schema = new ReadModelSchema("t", 1, 0, List.of(v3FromV2Only));

    var plan = UpgradePlan.of(schema, List.of("t-thing-v1", "t-thing-v2", "t-thing-v4"));

    assertThat(plan.moves()).extracting(UpgradePlan.Move::from).containsExactly("t-thing-v2");
    assertThat(plan.withoutPath())
        .containsExactly(
            "index t-thing-v1 is version 1 of thing, but no upgrade step leads from it to v3: its"
                + " documents are neither moved nor read through the alias t-thing");
  }
}
