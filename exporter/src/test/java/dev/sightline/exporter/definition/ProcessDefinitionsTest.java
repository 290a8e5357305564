package dev.sightline.exporter.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessDefinitionsTest {

  private static final int ONE_MIB = 1 << 20;
  private static final int NAMED_ELEMENTS = 2_000;
  private static final int ID_LENGTH = 10;
  private static final int NAME_LENGTH = 40;

  private final Map<Long, DeployedProcess> index = new HashMap<>();
  private final List<Long> lookups = new ArrayList<>();
  private final ProcessDefinitions definitions =
      new ProcessDefinitions(
          ONE_MIB,
          key -> {
            lookups.add(key);
            return Optional.ofNullable(index.get(key));
          },
          () -> 0);

  /** A process with 2,000 named elements. */
  private static DeployedProcess large(long key) {
    var names = new HashMap<String, String>();
    for (int i = 0; i < NAMED_ELEMENTS; i++) {
      names.put("%010d".formatted(i), "n".repeat(NAME_LENGTH - 6) + "%06d".formatted(i));
    }
    return new DeployedProcess(key, "large", 1, Optional.of("Large"), names, List.of());
  }

  @Test
  void shouldKeepNoMoreLargeDefinitionsThanItsByteBudgetHolds() {
    // given ten large processes deployed (and in the index, where a miss finds them)
    for (long key = 1; key <= 10; key++) {
      var process = large(key);
      index.put(key, process);
      definitions.add(process);
    }

    // when each is needed again, newest first
    for (long key = 10; key >= 1; key--) {
      assertThat(definitions.find(key)).as("definition %d", key).isPresent();
    }

    // then the newest were still in memory, but no more than 1 MiB holds at two bytes a char
    var kept = 10 - lookups.size();
    assertThat(kept)
        .isPositive()
        .isLessThanOrEqualTo(ONE_MIB / (NAMED_ELEMENTS * 2 * (ID_LENGTH + NAME_LENGTH)));
    assertThat(lookups).as("the oldest was read from the index").contains(1L);
  }

  @Test
  void shouldServeSmallDefinitionsFromMemory() {
    // given
    for (long key = 1; key <= 1_000; key++) {
      definitions.add(new DeployedProcess(key, "small", 1, List.of("call-a", "call-b")));
    }

    // when
    for (long key = 1; key <= 1_000; key++) {
      definitions.find(key);
    }

    // then
    assertThat(lookups).isEmpty();
  }
}
