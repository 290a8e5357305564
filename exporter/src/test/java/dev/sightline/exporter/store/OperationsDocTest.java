package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.exporter.meters.ExporterMeter;
import dev.sightline.exporter.store.ElasticsearchErrors.Handling;
import dev.sightline.exporter.testing.ScrapedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/operations.md} says, per answer of Elasticsearch, what the exporter does: every row
 * of that table is checked against {@link ElasticsearchErrors}, and every error type it names has a
 * row; its metrics table names every meter of {@link ExporterMeter}, and no other, and its
 * Prometheus names table gives each meter's series and labels as a Prometheus scrape shows them.
 */
class OperationsDocTest {

  private static final String SECTION =
      "## What the exporter does with each answer of Elasticsearch";
  private static final Pattern TYPE = Pattern.compile("`([a-z_]+)`");
  private static final String UNLISTED = "an_unlisted_exception";

  /** One row: the statuses and types it covers (empty types: "any other"), and what it says. */
  private record Row(String line, List<Integer> statuses, List<String> types, String handling) {}

  @Test
  void shouldDoWhatTheTableSaysForEveryAnswer() throws IOException {
    // given
    var rows = rows();
    assertThat(rows).hasSizeGreaterThan(10);

    // when / then
    for (var row : rows) {
      var types = row.types().isEmpty() ? Arrays.asList(UNLISTED, null) : row.types();
      for (var status : row.statuses()) {
        for (var type : types) {
          assertThat(ElasticsearchErrors.handling(status, type).label())
              .as("HTTP %d %s, documented as: %s", status, type, row.line())
              .isEqualTo(row.handling());
        }
      }
    }
  }

  @Test
  void shouldHaveARowForEveryErrorTypeTheExporterNames() throws IOException {
    var documented = new TreeSet<String>();
    rows().forEach(row -> documented.addAll(row.types()));

    assertThat(documented).containsAll(ElasticsearchErrors.namedTypes());
  }

  @Test
  void shouldNameOnlyHandlingsTheExporterHas() throws IOException {
    var labels = Arrays.stream(Handling.values()).map(Handling::label).toList();

    assertThat(rows()).allSatisfy(row -> assertThat(labels).contains(row.handling()));
  }

  private static List<Row> rows() throws IOException {
    var lines = Files.readAllLines(findDoc());
    var start = lines.indexOf(SECTION);
    assertThat(start).as("section '%s' in docs/operations.md", SECTION).isNotNegative();
    var table = new ArrayList<String>();
    for (var line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| ") && !line.startsWith("| status ")) {
        table.add(line);
      }
    }
    // statuses that have their own "any other" type row; the last row covers every other 4xx
    var explicit = new TreeSet<Integer>();
    table.stream()
        .map(OperationsDocTest::cells)
        .filter(cells -> cells[1].equals("any other"))
        .map(cells -> cells[0])
        .filter(cell -> cell.matches("[0-9, ]+"))
        .forEach(
            cell ->
                Arrays.stream(cell.split(","))
                    .map(String::strip)
                    .forEach(status -> explicit.add(Integer.parseInt(status))));
    var rows = new ArrayList<Row>();
    for (var line : table) {
      var cells = cells(line);
      rows.add(new Row(line, statuses(cells[0], explicit), types(cells[1]), cells[2]));
    }
    return rows;
  }

  private static String[] cells(String line) {
    var cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
    return Arrays.stream(cells).map(String::strip).toArray(String[]::new);
  }

  /** "400, 413"; "5xx"; "any other": every 4xx without an "any other" type row of its own. */
  private static List<Integer> statuses(String cell, TreeSet<Integer> explicit) {
    if (cell.equals("5xx")) {
      return IntStream.range(500, 600).boxed().toList();
    }
    if (cell.equals("any other")) {
      return IntStream.range(400, 500)
          .filter(status -> !explicit.contains(status))
          .boxed()
          .toList();
    }
    return Arrays.stream(cell.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }

  /** The backquoted error types; "any other": none named. */
  private static List<String> types(String cell) {
    if (cell.equals("any other")) {
      return List.of();
    }
    var types = new ArrayList<String>();
    var matcher = TYPE.matcher(cell);
    while (matcher.find()) {
      types.add(matcher.group(1));
    }
    assertThat(types).as("error types in '%s'", cell).isNotEmpty();
    return types;
  }

  private static final String METER_PREFIX = "sightline.exporter.";

  @Test
  void shouldListEveryMeterTheExporterRegisters() throws IOException {
    var table = metricsTable();
    for (var meter : ExporterMeter.values()) {
      var shortName = meter.id().substring(METER_PREFIX.length());
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

  private static final String PROMETHEUS_TABLE = "### Prometheus names";
  private static final Pattern BACKQUOTED = Pattern.compile("`([^`]+)`");

  /**
   * The Prometheus names table: one row per meter, its series as a broker's Prometheus registry
   * exposes them and their labels, checked against a real scrape ({@link ScrapedRun}): a series
   * belongs to a meter when its family's help text is the meter's description.
   */
  @Test
  void shouldListThePrometheusSeriesAndLabelsOfEveryMeterAsTheScrapeShowsThem() throws IOException {
    // given
    var scrape = ScrapedRun.scrape();
    var rows = prometheusRows();

    // when / then every meter has its row, with exactly the series and labels of the scrape
    assertThat(rows.keySet())
        .as("the meters of the Prometheus names table")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ExporterMeter.values()).map(ExporterMeter::id).toList());
    for (var meter : ExporterMeter.values()) {
      var series = new TreeSet<String>();
      var labels = new TreeSet<String>();
      for (var name : scrape.names()) {
        var family = scrape.family(name);
        if (family.isPresent() && meter.description().equals(family.get().help())) {
          series.add(name);
          labels.addAll(scrape.labelNames(name));
        }
      }
      assertThat(series).as("series of %s in the scrape", meter.id()).isNotEmpty();
      var row = rows.get(meter.id());
      assertThat(backquoted(row[1])).as("Prometheus series of %s", meter.id()).isEqualTo(series);
      assertThat(backquoted(row[2])).as("labels of %s", meter.id()).isEqualTo(labels);
    }
  }

  /** Micrometer name → the row's cells, from the table under {@link #PROMETHEUS_TABLE}. */
  private static Map<String, String[]> prometheusRows() throws IOException {
    var section = metricsTable();
    var start = section.indexOf(PROMETHEUS_TABLE);
    assertThat(start).as("a table '%s' in the Metrics section", PROMETHEUS_TABLE).isNotNegative();
    var rows = new TreeMap<String, String[]>();
    for (var line : section.substring(start).split("\n")) {
      if (!line.startsWith("| `sightline.")) {
        continue;
      }
      var cells = cells(line);
      assertThat(cells).as(line).hasSize(3);
      var meters = backquoted(cells[0]);
      assertThat(meters).as("one Micrometer name in '%s'", cells[0]).hasSize(1);
      assertThat(rows.put(meters.first(), cells)).as("one row for %s", meters.first()).isNull();
    }
    return rows;
  }

  private static TreeSet<String> backquoted(String cell) {
    var names = new TreeSet<String>();
    var matcher = BACKQUOTED.matcher(cell);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
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
