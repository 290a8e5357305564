package dev.sightline.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BrokerRetryTest {

  @Test
  void shouldDoubleBeforeTheFirstWaitAndCapLikeTheBroker() {
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(BrokerRetry.EXPORT::delayAfter))
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
    assertThat(BrokerRetry.OPEN.delayAfter(1)).isEqualTo(Duration.ofMillis(300));
    assertThat(BrokerRetry.EXPORT.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldRejectAMaximumBelowTheInitialDelay() {
    assertThatThrownBy(() -> new BrokerRetry(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 < initial <= max");
  }
}
