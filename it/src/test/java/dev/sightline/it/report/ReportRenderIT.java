package dev.sightline.it.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.probe.report.RunFiles;
import dev.sightline.probe.report.RunResult;
import dev.sightline.probe.report.Stages;
import dev.sightline.probe.report.VariantResult;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison's report.html rendered by a real browser (headless Chromium from Debian's
 * packages): both variants' percentile curves and the stage bars are drawn, with no network.
 *
 * <p>Tests install nothing: without Chromium this test is skipped, saying so (and {@code
 * ./sightline test} says at the end that it was not run), unless {@value #REQUIRE_CHROMIUM}=1 (CI:
 * {@code .ci/run} installs Chromium and sets it) makes a missing browser a failure.
 */
class ReportRenderIT {

  /** The browser: {@code /usr/bin/chromium} (Debian's package) unless this names another. */
  static final String CHROMIUM_PATH = "SIGHTLINE_CHROMIUM";

  /** {@code 1}: a missing browser fails the test instead of skipping it. */
  static final String REQUIRE_CHROMIUM = "SIGHTLINE_REQUIRE_CHROMIUM";

  private static final int RED = 0xd62728;
  private static final int BLUE = 0x1f77b4;

  @TempDir Path dir;

  private static Histogram millis(long from, long to) {
    var histogram = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < 2000; i++) {
      histogram.recordValue((from + (to - from) * i / 1999) * 1000);
    }
    return histogram;
  }

  private static RunResult run() {
    var twoHop = new LinkedHashMap<String, Histogram>();
    twoHop.put(Stages.FLUSHED, millis(100, 5000));
    twoHop.put(Stages.VISIBLE, millis(2000, 9000));
    var direct = new LinkedHashMap<String, Histogram>();
    direct.put(Stages.FLUSHED, millis(10, 1000));
    direct.put(Stages.VISIBLE, millis(200, 2000));
    var probe = new VariantResult.ProbeFigures(15, 30, 50, 2000, 0, 0);
    return new RunResult(
        "render-test",
        Instant.parse("2026-11-28T05:00:00Z"),
        Map.of("rate", "5"),
        List.of(
            new VariantResult("two-hop", "baseline", 1000, 100, 60, twoHop, probe, List.of()),
            new VariantResult("direct", "sightline", 1000, 100, 60, direct, probe, List.of())));
  }

  private static Path chromium() {
    var chromium =
        Path.of(Optional.ofNullable(System.getenv(CHROMIUM_PATH)).orElse("/usr/bin/chromium"));
    if (Files.isRegularFile(chromium) && Files.isExecutable(chromium)) {
      return chromium;
    }
    var missing =
        "Chromium is missing (%s is not an executable file), so the report test was NOT run."
                .formatted(chromium)
            + " Install it with 'sudo apt-get install chromium' (Debian), or set "
            + CHROMIUM_PATH
            + " to a Chromium or Chrome binary.";
    if ("1".equals(System.getenv(REQUIRE_CHROMIUM))) {
      fail(missing + " " + REQUIRE_CHROMIUM + "=1 requires it.");
    }
    assumeTrue(false, missing);
    return chromium;
  }

  @Test
  void shouldDrawBothPercentileCurvesAndTheStageBarsInABrowser() throws Exception {
    var chromium = chromium();

    // given a rendered report
    RunFiles.write(dir, run());
    var screenshot = dir.resolve("report.png");

    // when headless Chromium renders it, with the network switched off
    var process =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1000,1400",
                "--hide-scrollbars",
                "--screenshot=" + screenshot,
                dir.resolve("report.html").toUri().toString())
            .redirectErrorStream(true)
            .start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(screenshot).as("screenshot written; chromium said: %s", output).exists();

    // then both variants' colours are on the page: curves and bars, not just the legend squares
    var image = ImageIO.read(screenshot.toFile());
    assertThat(pixelsOf(image, RED)).as("two-hop (red) pixels").isGreaterThan(1_000);
    assertThat(pixelsOf(image, BLUE)).as("direct (blue) pixels").isGreaterThan(1_000);
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<polyline class=\"series\" data-variant=\"direct\"");
  }

  private static long pixelsOf(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (close(image.getRGB(x, y) & 0xffffff, rgb)) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean close(int a, int b) {
    return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) < 24
        && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) < 24
        && Math.abs((a & 0xff) - (b & 0xff)) < 24;
  }
}
