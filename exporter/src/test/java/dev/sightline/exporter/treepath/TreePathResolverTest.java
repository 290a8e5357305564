package dev.sightline.exporter.treepath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.definition.DeployedProcess;
import dev.sightline.exporter.definition.ProcessDefinitions;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreePathResolverTest {

  private static final int ONE_MIB = 1 << 20;

  private final ProcessDefinitions definitions = new ProcessDefinitions(ONE_MIB);
  private final List<TreePathFallback.Kind> fallbacks = new ArrayList<>();
  private final Map<Long, String> indexedProcessPaths = new HashMap<>();
  private final Map<Long, KnownFlowNode> indexedFlowNodes = new HashMap<>();
  private final List<Long> processPathLookups = new ArrayList<>();
  private final EntityLookup lookup =
      new EntityLookup() {
        @Override
        public Optional<String> processInstanceTreePath(long key) {
          processPathLookups.add(key);
          return Optional.ofNullable(indexedProcessPaths.get(key));
        }

        @Override
        public Optional<KnownFlowNode> flowNode(long key) {
          return Optional.ofNullable(indexedFlowNodes.get(key));
        }
      };
  private final TreePathResolver resolver =
      new TreePathResolver(definitions, lookup, (kind, key, id) -> fallbacks.add(kind), ONE_MIB);

  private static ImmutableProcessInstanceRecordValue.Builder value(
      long processInstanceKey, BpmnElementType type) {
    return ImmutableProcessInstanceRecordValue.builder()
        .withProcessInstanceKey(processInstanceKey)
        .withBpmnElementType(type)
        .withBpmnProcessId("p")
        .withProcessDefinitionKey(9)
        .withElementId("element");
  }

  /**
   * A chain of {@code levels} process instances, each level's call activity at index {@code level %
   * 2} of its definition's sorted call activities ("a-call", "b-call"). Instance keys 1000 + level,
   * call activity instance keys 2000 + level, definition keys 3000 + level.
   */
  private ProcessInstanceRecordValue chain(int levels) {
    var instancePath = new ArrayList<List<Long>>();
    var definitionPath = new ArrayList<Long>();
    var callingPath = new ArrayList<Integer>();
    for (int level = 0; level < levels; level++) {
      definitions.add(
          new DeployedProcess(3000 + level, "p" + level, 1, List.of("a-call", "b-call")));
      definitionPath.add(3000L + level);
      if (level < levels - 1) {
        instancePath.add(List.of(1000L + level, 2000L + level));
        callingPath.add(level % 2);
      } else {
        instancePath.add(List.of(1000L + level));
      }
    }
    return value(1000 + levels - 1, BpmnElementType.PROCESS)
        .withElementInstancePath(instancePath)
        .withProcessDefinitionPath(definitionPath)
        .withCallingElementPath(callingPath)
        .build();
  }

  @Nested
  class ProcessInstancesFromEngineFields {

    @Test
    void shouldGiveARootInstanceItsOwnKey() {
      assertThat(resolver.processInstancePath(chain(1))).isEqualTo("PI_1000");
    }

    @Test
    void shouldNameTheCallingActivityAndItsInstanceForAChild() {
      assertThat(resolver.processInstancePath(chain(2)))
          .isEqualTo("PI_1000/FN_a-call/FNI_2000/PI_1001");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100})
    void shouldChainEveryLevelOfADeepHierarchy(int levels) {
      // when
      var path = resolver.processInstancePath(chain(levels));

      // then: PI, FN, FNI per calling level, then the instance itself
      var segments = path.split("/");
      assertThat(segments).hasSize(3 * (levels - 1) + 1);
      for (int level = 0; level < levels - 1; level++) {
        assertThat(segments[3 * level]).isEqualTo("PI_" + (1000 + level));
        assertThat(segments[3 * level + 1]).isEqualTo(level % 2 == 0 ? "FN_a-call" : "FN_b-call");
        assertThat(segments[3 * level + 2]).isEqualTo("FNI_" + (2000 + level));
      }
      assertThat(segments[segments.length - 1]).isEqualTo("PI_" + (1000 + levels - 1));
      assertThat(fallbacks).isEmpty();
    }

    @Test
    void shouldResolveTheIndexAgainstSortedIdsNotFlowOrder() {
      // given a definition whose call activities, sorted, are alpha, mid, zeta (flow order: zeta,
      // alpha, mid)
      definitions.add(new DeployedProcess(1, "root", 1, List.of("alpha", "mid", "zeta")));
      var child =
          value(11, BpmnElementType.PROCESS)
              .withElementInstancePath(List.of(List.of(10L, 20L), List.of(11L)))
              .withProcessDefinitionPath(List.of(1L, 2L))
              .withCallingElementPath(List.of(2))
              .build();

      // when / then: index 2 is zeta
      assertThat(resolver.processInstancePath(child)).isEqualTo("PI_10/FN_zeta/FNI_20/PI_11");
    }

    @Test
    void shouldNameTheCallActivityByItsInstanceWhenThatWasSeenWhateverTheDefinitionsSay() {
      // given the calling call-activity instance seen (its ACTIVATING precedes the child's), no
      // definitions
      resolver.flowNodePath(
          20,
          value(10, BpmnElementType.CALL_ACTIVITY)
              .withElementId("call-it")
              .withFlowScopeKey(10)
              .build());
      var child =
          value(11, BpmnElementType.PROCESS)
              .withElementInstancePath(List.of(List.of(10L, 20L), List.of(11L)))
              .withProcessDefinitionPath(List.of(1L, 2L))
              .withCallingElementPath(List.of(2))
              .build();

      // when / then: no definition needed, no fallback
      assertThat(resolver.processInstancePath(child)).isEqualTo("PI_10/FN_call-it/FNI_20/PI_11");
      assertThat(fallbacks).isEmpty();
    }

    @Test
    void shouldFallBackToTheNumericIndexWhenTheCallingDefinitionIsUnknown() {
      // given no definitions known
      var child =
          value(11, BpmnElementType.PROCESS)
              .withElementInstancePath(List.of(List.of(10L, 20L), List.of(11L)))
              .withProcessDefinitionPath(List.of(1L, 2L))
              .withCallingElementPath(List.of(2))
              .build();

      // when / then
      assertThat(resolver.processInstancePath(child)).isEqualTo("PI_10/FN_2/FNI_20/PI_11");
      assertThat(fallbacks).containsExactly(TreePathFallback.Kind.CALL_ACTIVITY_ID);
    }
  }

  @Nested
  class ProcessInstancesWithoutEngineFields {

    @Test
    void shouldDeriveAChildsPathFromItsParentSeenBefore() {
      // given the parent and its call activity seen by this resolver (records of a broker before
      // 8.8)
      resolver.processInstancePath(value(10, BpmnElementType.PROCESS).build());
      resolver.flowNodePath(
          20,
          value(10, BpmnElementType.CALL_ACTIVITY)
              .withElementId("call-child")
              .withFlowScopeKey(10)
              .build());

      // when
      var child =
          value(11, BpmnElementType.PROCESS)
              .withParentProcessInstanceKey(10)
              .withParentElementInstanceKey(20)
              .build();

      // then
      assertThat(resolver.processInstancePath(child)).isEqualTo("PI_10/FN_call-child/FNI_20/PI_11");
      assertThat(fallbacks).isEmpty();
    }

    @Test
    void shouldDeriveAGrandchildsPathThroughTheIndexWhenTheCacheDoesNotKnowTheParent() {
      // given the parent known only to the index
      indexedProcessPaths.put(11L, "PI_10/FN_call-child/FNI_20/PI_11");
      indexedFlowNodes.put(21L, new KnownFlowNode("call-leaf", "11/21"));

      // when
      var grandchild =
          value(12, BpmnElementType.PROCESS)
              .withParentProcessInstanceKey(11)
              .withParentElementInstanceKey(21)
              .build();

      // then
      assertThat(resolver.processInstancePath(grandchild))
          .isEqualTo("PI_10/FN_call-child/FNI_20/PI_11/FN_call-leaf/FNI_21/PI_12");
    }

    @Test
    void shouldFallBackToItsOwnKeyWhenTheParentIsUnknownEverywhere() {
      var orphan =
          value(12, BpmnElementType.PROCESS)
              .withParentProcessInstanceKey(11)
              .withParentElementInstanceKey(21)
              .build();

      assertThat(resolver.processInstancePath(orphan)).isEqualTo("PI_12");
      assertThat(fallbacks).containsExactly(TreePathFallback.Kind.PROCESS_INSTANCE);
    }
  }

  @Nested
  class FlowNodes {

    @Test
    void shouldJoinTheLastLevelOfTheEnginePath() {
      var task =
          value(11, BpmnElementType.SERVICE_TASK)
              .withElementInstancePath(List.of(List.of(10L, 20L), List.of(11L, 30L, 31L)))
              .build();

      assertThat(resolver.flowNodePath(31, task)).isEqualTo(new FlowNodePath("11/30/31", 2));
    }

    @Test
    void shouldDeriveThePathFromTheFlowScopeChainWithoutEngineFields() {
      // given a sub-process inside the instance, and a task inside the sub-process
      var sub = value(10, BpmnElementType.SUB_PROCESS).withFlowScopeKey(10).build();
      assertThat(resolver.flowNodePath(20, sub)).isEqualTo(new FlowNodePath("10/20", 1));

      // when
      var task = value(10, BpmnElementType.SERVICE_TASK).withFlowScopeKey(20).build();

      // then
      assertThat(resolver.flowNodePath(30, task)).isEqualTo(new FlowNodePath("10/20/30", 2));
      assertThat(fallbacks).isEmpty();
    }

    @Test
    void shouldFallBackToLevelOneWhenTheFlowScopeIsUnknown() {
      var task = value(10, BpmnElementType.SERVICE_TASK).withFlowScopeKey(99).build();

      assertThat(resolver.flowNodePath(30, task)).isEqualTo(new FlowNodePath("10/30", 1));
      assertThat(fallbacks).containsExactly(TreePathFallback.Kind.FLOW_NODE);
    }
  }

  @Nested
  class CacheBudget {

    private static final int CHILDREN = 100;

    /** A path 1,300 call levels deep: over 32 KB. */
    private static String deepPath(long key) {
      var path = new StringBuilder();
      for (int level = 0; level < 1_300; level++) {
        path.append("PI_").append(key).append("/FN_call/FNI_").append(key).append('/');
      }
      return path.append("PI_").append(key).toString();
    }

    @Test
    void shouldKeepNoMoreLongPathsThanItsByteBudgetHolds() {
      // given many called instances whose parents' paths, known only to the index, are over 32 KB
      var childPathLength = 0;
      for (long i = 0; i < CHILDREN; i++) {
        indexedProcessPaths.put(100_000 + i, deepPath(100_000 + i));
        indexedFlowNodes.put(200_000 + i, new KnownFlowNode("call", (100_000 + i) + "/" + i));
        var child =
            value(300_000 + i, BpmnElementType.PROCESS)
                .withParentProcessInstanceKey(100_000 + i)
                .withParentElementInstanceKey(200_000 + i)
                .build();
        childPathLength = resolver.processInstancePath(child).length();
      }
      assertThat(childPathLength).isGreaterThan(32 * 1024);

      // when every child's path is needed again, newest first
      processPathLookups.clear();
      for (long i = CHILDREN - 1; i >= 0; i--) {
        resolver.knownProcessPath(300_000 + i);
      }

      // then the newest were still in memory, but no more than 1 MiB holds at two bytes a char
      var kept = CHILDREN - processPathLookups.size();
      assertThat(kept)
          .as("paths of %d characters kept in a 1 MiB budget", childPathLength)
          .isPositive()
          .isLessThanOrEqualTo(ONE_MIB / (2 * childPathLength));
      assertThat(processPathLookups).as("the oldest asked the index").contains(300_000L);
      assertThat(fallbacks).isEmpty();
    }
  }
}
