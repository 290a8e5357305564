package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.schema.UpgradeStep;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which indices get the read alias: the current version and the older ones it upgrades from. */
class SchemaAliasesTest {

  private static final IndexDescriptor V1 =
      new IndexDescriptor("thing", 1, List.of(dev.sightline.exporter.schema.Field.keyword("a")));
  private static final IndexDescriptor V3 =
      V1.nextVersion(V1.fields(), UpgradeStep.removeField(1, "b"))
          .nextVersion(V1.fields(), UpgradeStep.removeField(2, "c"));
  private static final ReadModelSchema SCHEMA = new ReadModelSchema("t", 1, 0, List.of(V3));

  @Test
  void shouldAliasTheCurrentVersionAndEveryOlderOneItUpgradesFromThatLacksIt() {
    // given
    var existing =
        Map.<String, Set<String>>of(
            "t-thing-v1", Set.of(),
            "t-thing-v2", Set.of("t-thing"),
            "t-thing-v3", Set.of(),
            "t-thing-v3-backup", Set.of(),
            "t-thing-v4", Set.of());

    // when
    var actions = SchemaAliases.missing(SCHEMA, existing);

    // then v2 has it already, the backup is no version, v4 is a newer exporter's
    assertThat(actions)
        .containsExactlyInAnyOrder(
            "{\"add\":{\"index\":\"t-thing-v1\",\"alias\":\"t-thing\"}}",
            "{\"add\":{\"index\":\"t-thing-v3\",\"alias\":\"t-thing\"}}");
  }

  @Test
  void shouldNotAliasAVersionWithoutAPathToTheCurrentOne() {
    var v3WithoutStepFromV1 =
        new IndexDescriptor("thing", 3, V1.fields(), List.of(UpgradeStep.removeField(2, "c")));
    var schema = new ReadModelSchema("t", 1, 0, List.of(v3WithoutStepFromV1));

    assertThat(
            SchemaAliases.missing(schema, Map.of("t-thing-v1", Set.of(), "t-thing-v3", Set.of())))
        .containsExactly("{\"add\":{\"index\":\"t-thing-v3\",\"alias\":\"t-thing\"}}");
  }
}
