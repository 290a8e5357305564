package dev.sightline.exporter.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The written upgrade path of an index: a chain of steps, each a pure function of the source. */
class UpgradePathTest {

  private static final Field STATE = Field.keyword("state");
  private static final Field STATUS = Field.keyword("status");
  private static final Field TENANT = Field.keyword("tenantId");
  private static final Field DONE = Field.bool("done");

  /** v1 {state} → v2 {status} → v3 {status, tenantId} → v4 {status, tenantId, done}. */
  private static final IndexDescriptor V4 =
      new IndexDescriptor("thing", 1, List.of(STATE))
          .nextVersion(List.of(STATUS), UpgradeStep.renameField(1, "state", STATUS))
          .nextVersion(List.of(STATUS, TENANT), UpgradeStep.addField(2, TENANT, "<default>"))
          .nextVersion(
              List.of(STATUS, TENANT, DONE),
              UpgradeStep.deriveField(3, DONE, source -> "COMPLETED".equals(source.get("status"))));

  @Test
  void shouldApplyEveryStepFromTheOldVersionInOrder() {
    // given
    var v1 = Map.<String, Object>of("state", "COMPLETED");

    // when
    var upgraded = V4.upgradeFrom(1).orElseThrow().apply(v1);

    // then
    assertThat(upgraded)
        .isEqualTo(Map.of("status", "COMPLETED", "tenantId", "<default>", "done", true));
    assertThat(v1).as("the old source is left as it is").containsOnlyKeys("state");
  }

  @Test
  void shouldStartTheChainAtTheDocumentsVersion() {
    var v3 = Map.<String, Object>of("status", "ACTIVE", "tenantId", "t1");

    assertThat(V4.upgradeFrom(3).orElseThrow().apply(v3))
        .isEqualTo(Map.of("status", "ACTIVE", "tenantId", "t1", "done", false));
    assertThat(V4.upgradeFrom(2).orElseThrow().apply(Map.of("status", "ACTIVE", "tenantId", "t2")))
        .as("a value the old document has is kept")
        .containsEntry("tenantId", "t2");
  }

  @Test
  void shouldHaveNoPathFromTheCurrentOrANewerVersionOrOneWhoseStepIsMissing() {
    // given v3 whose step from v1 was never written
    var v3 =
        new IndexDescriptor(
            "thing", 3, List.of(STATUS, TENANT), List.of(UpgradeStep.addField(2, TENANT, "x")));

    assertThat(v3.upgradesFrom(2)).isTrue();
    assertThat(v3.upgradesFrom(1)).isFalse();
    assertThat(v3.upgradesFrom(3)).isFalse();
    assertThat(v3.upgradesFrom(4)).isFalse();
  }

  @Test
  void shouldRefuseAStepThatDoesNotLeadBelowTheVersionOrTwoFromOneVersion() {
    assertThatThrownBy(
            () ->
                new IndexDescriptor(
                    "thing", 2, List.of(STATUS), List.of(UpgradeStep.addField(2, TENANT, "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thing v2: an upgrade step from v2 must start below v2");
    assertThatThrownBy(
            () ->
                new IndexDescriptor(
                    "thing",
                    3,
                    List.of(STATUS),
                    List.of(UpgradeStep.addField(1, TENANT, "x"), UpgradeStep.removeField(1, "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only one may start there");
    assertThatThrownBy(() -> V4.nextVersion(List.of(STATUS), UpgradeStep.removeField(2, "done")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the step to v5 must start at v4");
  }

  @Test
  void shouldTellAVersionOnlyFromItsExactName() {
    var index = ProcessInstanceIndex.DESCRIPTOR;

    assertThat(index.versionOf("t", "t-process-instance-v2")).hasValue(2);
    assertThat(index.versionOf("t", "t-process-instance-v17")).hasValue(17);
    assertThat(index.versionOf("t", "t-process-instance-v2-copy")).isEmpty();
    assertThat(index.versionOf("t", "t-process-instance-v02")).isEmpty();
    assertThat(index.versionOf("t", "t-process-instance-vx")).isEmpty();
    assertThat(index.versionOf("t", "t-flow-node-instance-v2")).isEmpty();
    assertThat(index.versionOf("t.x", "tax-process-instance-v2"))
        .as("a prefix is literal")
        .isEmpty();
    assertThat(index.aliasName("t")).isEqualTo("t-process-instance");
  }

  @Test
  void shouldDeclareNoStepForTodaysIndicesWhichAreAtTheirCurrentVersions() {
    assertThat(ReadModelSchema.INDICES).allSatisfy(index -> assertThat(index.upgrades()).isEmpty());
  }

  @Test
  void shouldNameEachIndexAtTheSchemasVersionOfIt() {
    // given a schema with process-instance a version further
    var v3 =
        ProcessInstanceIndex.DESCRIPTOR.nextVersion(
            ProcessInstanceIndex.DESCRIPTOR.fields(), UpgradeStep.removeField(2, "nothing"));
    var indices =
        ReadModelSchema.INDICES.stream()
            .map(index -> index.name().equals(v3.name()) ? v3 : index)
            .toList();

    // when / then handlers, which name the production descriptor, write v3
    var schema = new ReadModelSchema("t", 1, 0, indices);
    assertThat(schema.indexName(ProcessInstanceIndex.DESCRIPTOR))
        .isEqualTo("t-process-instance-v3");
    assertThat(schema.indexName(JobIndex.DESCRIPTOR)).isEqualTo("t-job-v1");
  }
}
