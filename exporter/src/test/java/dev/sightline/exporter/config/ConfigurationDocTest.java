package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} documents every setting with its real default: a new setting needs
 * its row. The Helm fragment and the mapping from the Camunda exporter name only settings that
 * exist.
 */
class ConfigurationDocTest {

  @Test
  void shouldDocumentEverySettingWithItsDefault() throws IOException {
    // given the Settings table (the mapping from the Camunda exporter's settings names them too)
    var doc = settingsSection();
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

  @Test
  void shouldSetOnlyKnownSettingsInTheHelmFragment() throws IOException {
    // given the environment variables of docs/deployment/values.yaml, commented ones included
    var fragment = Files.readString(find("docs/deployment/values.yaml"));
    var variable = Pattern.compile("name: (ZEEBE_BROKER_EXPORTERS_SIGHTLINE_[A-Z_]+)");
    var variables = new ArrayList<String>();
    var matcher = variable.matcher(fragment);
    while (matcher.find()) {
      variables.add(matcher.group(1));
    }
    var known = new ArrayList<String>();
    known.add("ZEEBE_BROKER_EXPORTERS_SIGHTLINE_CLASSNAME");
    known.add("ZEEBE_BROKER_EXPORTERS_SIGHTLINE_JARPATH");
    ConfigParser.knownKeys()
        .forEach(
            key ->
                known.add(
                    "ZEEBE_BROKER_EXPORTERS_SIGHTLINE_ARGS_"
                        + key.replace('.', '_').toUpperCase(Locale.ROOT)));

    // when / then
    assertThat(variables).hasSizeGreaterThan(5);
    assertThat(known).as("the settings Sightline has").containsAll(variables);
    assertThat(fragment)
        .contains("value: " + dev.sightline.exporter.SightlineExporter.class.getName());
  }

  @Test
  void shouldMapTheCamundaExporterOntoSettingsSightlineHas() throws IOException {
    // given the Sightline column of the mapping table
    var doc = Files.readAllLines(findDoc());
    var start = doc.indexOf("## Coming from the Camunda exporter");
    assertThat(start).as("the mapping section").isNotNegative();
    var named = new ArrayList<String>();
    var setting = Pattern.compile("`([a-z]+(?:\\.[a-zA-Z]+)*\\.(?:[a-zA-Z]+|\\*))`");
    for (var line : doc.subList(start + 1, doc.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      var cells = line.split(" \\| ");
      if (!line.startsWith("| ") || cells.length < 3 || cells[1].startsWith("Sightline")) {
        continue;
      }
      var matcher = setting.matcher(cells[1]);
      while (matcher.find()) {
        named.add(matcher.group(1));
      }
    }

    // when / then every key it names is a setting, every group a group of settings
    assertThat(named).hasSizeGreaterThan(15);
    var keys = ConfigParser.knownKeys();
    for (var name : named) {
      if (name.endsWith(".*")) {
        var group = name.substring(0, name.length() - 1);
        assertThat(keys).as(name).anySatisfy(key -> assertThat(key).startsWith(group));
      } else {
        assertThat(keys).as(name).contains(name);
      }
    }
  }

  private static List<String> settingsSection() throws IOException {
    var lines = Files.readAllLines(findDoc());
    var start = lines.indexOf("## Settings");
    assertThat(start).as("a Settings section in docs/configuration.md").isNotNegative();
    var section = new ArrayList<String>();
    for (var line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      section.add(line);
    }
    return section;
  }

  private static Path findDoc() {
    return find("docs/configuration.md");
  }

  /** Tests run in the module folder; the docs are at the repository root. */
  private static Path find(String file) {
    for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      var doc = dir.resolve(file);
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new AssertionError(file + " not found above " + Path.of("").toAbsolutePath());
  }
}
