package dev.sightline.exporter.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code docs/schema.md} documents every index and every field with its mapped type. */
class SchemaDocTest {

  @Test
  void shouldDocumentEveryFieldOfEveryIndexWithItsType() throws IOException {
    var doc = Files.readAllLines(findDoc());
    for (var index : ReadModelSchema.INDICES) {
      var heading = "## `" + index.name() + "` (v" + index.version() + ")";
      var start = doc.indexOf(heading);
      assertThat(start).as(heading).isNotNegative();
      var section = section(doc, start);
      for (var field : index.fields()) {
        var type = field.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        assertThat(section)
            .as("%s.%s", index.name(), field.name())
            .anyMatch(line -> line.startsWith("| `" + field.name() + "` | " + type + " |"));
      }
      assertThat(section.stream().filter(line -> line.startsWith("| `")).count())
          .as("no documented field that the index does not have: %s", index.name())
          .isEqualTo(index.fields().size());
    }
  }

  @Test
  void shouldMapEveryFieldExplicitlyAndStrictly() {
    for (var index : ReadModelSchema.INDICES) {
      var mappings = index.mappingsJson();
      assertThat(mappings).startsWith("{\"dynamic\":\"strict\"");
      for (var field : index.fields()) {
        assertThat(mappings).contains("\"" + field.name() + "\":{\"type\":");
      }
    }
  }

  private static List<String> section(List<String> doc, int start) {
    var end = start + 1;
    while (end < doc.size() && !doc.get(end).startsWith("## ")) {
      end++;
    }
    return doc.subList(start, end);
  }

  private static Path findDoc() {
    for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      var doc = dir.resolve("docs/schema.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new AssertionError("docs/schema.md not found above " + Path.of("").toAbsolutePath());
  }
}
