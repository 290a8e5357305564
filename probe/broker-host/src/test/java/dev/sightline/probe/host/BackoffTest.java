package dev.sightline.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleBeforeTheFirstWaitAndCapLikeTheBroker() {
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(Backoff.EXPORT::delayAfter))
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
    assertThat(Backoff.OPEN.delayAfter(1)).isEqualTo(Duration.ofMillis(300));
    assertThat(Backoff.EXPORT.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldRejectAMaximumBelowTheInitialDelay() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 < initial <= max");
  }
}
