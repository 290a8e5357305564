package dev.sightline.exporter.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LruCacheTest {

  private static final long BUDGET = 100_000;

  /** Charged what {@link HeapEstimate#ofString} says of the value. */
  private final LruCache<Integer, String> cache =
      LruCache.boundedByBytes(BUDGET, (key, value) -> HeapEstimate.ofString(value));

  private static long charged(String value) {
    return LruCache.ENTRY_OVERHEAD_BYTES + HeapEstimate.ofString(value);
  }

  @Nested
  class BoundedByBytes {

    @Test
    void shouldStayUnderItsBudgetWithLargeEntries() {
      // given entries of 32 KB and more, 64 KB of estimate each
      var large = "x".repeat(32 * 1024);

      // when many are put
      for (int key = 0; key < 100; key++) {
        cache.put(key, large);
        assertThat(cache.weight()).isLessThanOrEqualTo(BUDGET);
      }

      // then only the newest one fits, and it is exactly accounted for
      assertThat(cache.size()).isOne();
      assertThat(cache.get(99)).contains(large);
      assertThat(cache.weight()).isEqualTo(charged(large));
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedFirst() {
      // given three entries of a quarter of the budget each, the first one used again
      var quarter = "q".repeat((int) (BUDGET / 8) - 100);
      cache.put(1, quarter);
      cache.put(2, quarter);
      cache.put(3, quarter);
      cache.get(1);

      // when two more come
      cache.put(4, quarter);
      cache.put(5, quarter);

      // then
      assertThat(cache.get(2)).isEmpty();
      assertThat(cache.get(1)).isPresent();
      assertThat(cache.get(5)).isPresent();
      assertThat(cache.weight()).isEqualTo(cache.size() * charged(quarter));
    }

    @Test
    void shouldAccountForAReplacedEntry() {
      // given
      cache.put(1, "a".repeat(1_000));

      // when
      cache.put(1, "b");

      // then
      assertThat(cache.weight()).isEqualTo(charged("b"));
      assertThat(cache.get(1)).contains("b");
    }

    @Test
    void shouldNotKeepAnEntryLargerThanTheBudgetAndForgetTheKeysStaleValue() {
      // given
      cache.put(1, "old");
      cache.put(2, "other");

      // when
      cache.put(1, "y".repeat((int) BUDGET));

      // then neither the new value nor the stale one is served; the rest stays
      assertThat(cache.get(1)).isEmpty();
      assertThat(cache.get(2)).contains("other");
      assertThat(cache.weight()).isEqualTo(charged("other"));
    }

    @Test
    void shouldRefuseANonPositiveBudget() {
      assertThatThrownBy(() -> LruCache.boundedByBytes(0, (key, value) -> 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("maxBytes must be at least 1, but was 0");
    }
  }

  @Test
  void shouldKeepAtMostMaxEntriesWhenBoundedByEntries() {
    // given
    var small = new LruCache<String, Boolean>(2);

    // when
    small.put("a", true);
    small.put("b", true);
    small.put("c", true);

    // then
    assertThat(small.size()).isEqualTo(2);
    assertThat(small.get("a")).isEmpty();
  }
}
