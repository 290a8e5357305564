package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private Instant now = Instant.parse("2026-11-28T05:00:00Z");
  private final InstantSource clock = () -> now;

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** One update per second for {@code seconds} seconds of virtual time, then the end. */
  private void updateEverySecond(Progress progress, int seconds) {
    for (int second = 0; second < seconds; second++) {
      progress.show("direct " + second + " s");
      now = now.plus(Duration.ofSeconds(1));
    }
    progress.end();
  }

  @Test
  void shouldPrintAPlainLineEveryFewSecondsAndTheLastStateWithoutATerminal() {
    // given
    var progress = new Progress(out, ProgressStyle.PLAIN, clock);

    // when 12 updates, one a second
    updateEverySecond(progress, 12);

    // then one line every 5 s, and the last update at the end; no carriage return
    assertThat(printed()).doesNotContain("\r");
    assertThat(printed().lines())
        .containsExactly("direct 0 s", "direct 5 s", "direct 10 s", "direct 11 s");
  }

  @Test
  void shouldNotRepeatTheLastLineWhenItWasPrinted() {
    // given
    var progress = new Progress(out, ProgressStyle.PLAIN, clock);

    // when 11 updates: the last one, at 10 s, is due anyway
    updateEverySecond(progress, 11);

    // then
    assertThat(printed().lines()).containsExactly("direct 0 s", "direct 5 s", "direct 10 s");
  }

  @Test
  void shouldRedrawOneLineInPlaceOnATerminal() {
    // given
    var progress = new Progress(out, ProgressStyle.REDRAWN, clock);

    // when
    progress.show("direct 10 s, long line");
    progress.show("direct 11 s");
    progress.end();
    out.print("draining");

    // then every update redraws the line, blanking what the longer one left; the end closes it
    assertThat(printed())
        .isEqualTo(
            "\rdirect 10 s, long line" + "\rdirect 11 s" + " ".repeat(11) + "\n" + "draining");
  }
}
