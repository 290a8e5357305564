package dev.sightline.exporter.meters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operations.md's metrics table and {@link ExporterMeter} name the same meters. */
class MetricsDocTest {

  private static final String PREFIX = "sightline.exporter.";

  @Test
  void shouldListEveryMeterTheExporterRegisters() throws IOException {
    var table = metricsTable();
    for (var meter : ExporterMeter.values()) {
      var shortName = meter.id().substring(PREFIX.length());
      // a row names a meter in full, or after a slash by what follows the prefix
      var named =
          Pattern.compile(
                  "`" + Pattern.quote(meter.id()) + "[`{]|/ `" + Pattern.quote(shortName) + "[`{]")
              .matcher(table)
              .find();
      assertThat(named).as("docs/operations.md lists %s", meter.id()).isTrue();
    }
  }

  @Test
  void shouldListNoMeterTheExporterDoesNotHave() throws IOException {
    var ids = new HashSet<String>();
    Arrays.stream(ExporterMeter.values()).forEach(meter -> ids.add(meter.id()));
    var matcher = Pattern.compile("`(sightline\\.exporter\\.[a-z.]+)[`{]").matcher(metricsTable());
    var found = 0;
    while (matcher.find()) {
      found++;
      assertThat(ids).as("a meter the docs name").contains(matcher.group(1));
    }
    assertThat(found).isGreaterThan(10);
  }

  private static String metricsTable() throws IOException {
    var doc = Files.readString(findDoc());
    var start = doc.indexOf("## Metrics");
    assertThat(start).as("a Metrics section").isNotNegative();
    var end = doc.indexOf("\n## ", start + 1);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  /** Tests run in the module folder; the docs are at the repository root. */
  private static Path findDoc() {
    for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      var doc = dir.resolve("docs/operations.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new AssertionError("docs/operations.md not found above " + Path.of("").toAbsolutePath());
  }
}
