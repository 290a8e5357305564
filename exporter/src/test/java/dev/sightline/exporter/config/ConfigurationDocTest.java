package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} documents every setting with its real default: a new setting needs
 * its row.
 */
class ConfigurationDocTest {

  @Test
  void shouldDocumentEverySettingWithItsDefault() throws IOException {
    // given
    var doc = Files.readAllLines(findDoc());
    var defaults = ExporterConfig.defaults();
    // when / then
    for (var setting : Settings.ALL) {
      var row =
          doc.stream().filter(line -> line.startsWith("| `" + setting.key() + "` |")).toList();
      var defaultValue = setting.describe(defaults);
      var documented = defaultValue.equals("(none)") ? "| none |" : "| `" + defaultValue + "` |";
      assertThat(row).as(setting.key()).singleElement().asString().contains(documented);
    }
  }

  @Test
  void shouldShowEveryKeyAsAnEnvironmentVariable() throws IOException {
    // given
    var doc = Files.readString(findDoc());
    // when / then
    for (var key : ConfigParser.knownKeys()) {
      var variable =
          "ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_"
              + key.replace('.', '_').toUpperCase(Locale.ROOT)
              + "=";
      assertThat(doc).as(key).contains(variable);
    }
  }

  /** Tests run in the module folder; the docs are at the repository root. */
  private static Path findDoc() {
    for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      var doc = dir.resolve("docs/configuration.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new AssertionError(
        "docs/configuration.md not found above " + Path.of("").toAbsolutePath());
  }
}
