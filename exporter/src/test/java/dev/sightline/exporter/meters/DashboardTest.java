package dev.sightline.exporter.meters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.exporter.testing.PrometheusText;
import dev.sightline.exporter.testing.ScrapedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Grafana dashboard under {@code docs/grafana/} reads only series the exporter exposes: every
 * query of every panel and template variable is checked against what a Prometheus registry shows
 * after hosting the exporter ({@link ScrapedRun}) — metric names, the labels of its selectors and
 * of its {@code by} clauses. A renamed meter or tag fails here instead of leaving a panel blank.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

  static final String DASHBOARD = "docs/grafana/sightline-exporter.json";
  private static final String DATASOURCE = "${datasource}";

  private final PrometheusText scrape = ScrapedRun.scrape();
  private final JsonNode dashboard = read();

  @Test
  void shouldQueryOnlySeriesAndLabelsTheExporterExposes() {
    // given
    var queries = panelQueries();
    assertThat(queries).hasSizeGreaterThan(20);

    // when
    var missing = new LinkedHashMap<String, List<String>>();
    queries.forEach(
        (where, expression) -> {
          var problems = PromQl.missingIn(scrape, expression);
          if (!problems.isEmpty()) {
            missing.put(where + ": " + expression, problems);
          }
        });

    // then
    assertThat(missing).as("queries naming what the scrape does not have").isEmpty();
  }

  /** Queries as a panel might hold them after a meter or tag was renamed, and what is wrong. */
  static Stream<Arguments> rottenQueries() {
    return Stream.of(
        arguments(
            "histogram_quantile(0.99, sum by (le) (rate("
                + "sightline_exporter_flush_duration_seconds_bucket{partition=~\"$partition\"}[5m])))",
            "no series named sightline_exporter_flush_duration_seconds_bucket"),
        arguments(
            "sum by (stage) (rate(sightline_exporter_flush_duration_seconds_count[5m]))",
            "by (stage): no label 'stage' on sightline_exporter_flush_duration_seconds_count"),
        arguments(
            "sum(rate(sightline_exporter_dead_letters_total{error_type=\"mapper\"}[5m]))",
            "no label 'error_type' on sightline_exporter_dead_letters_total"),
        arguments(
            "sum(rate(sightline_exporter_refreshes_total[5m])) by (kind, partition, stage)",
            "by (stage): no label 'stage' on sightline_exporter_refreshes_total"),
        arguments(
            "histogram_quantile(0.5, sum by (le) (rate(sightline_exporter_latency_histogram{stage=\"visible\"}[1m])))",
            "no series named sightline_exporter_latency_histogram"));
  }

  @ParameterizedTest
  @MethodSource("rottenQueries")
  void shouldReportAQueryNamingASeriesOrLabelTheExporterDoesNotExpose(
      String expression, String problem) {
    // when
    var missing = PromQl.missingIn(scrape, expression);

    // then
    assertThat(missing).anySatisfy(text -> assertThat(text).startsWith(problem));
  }

  @Test
  void shouldTakeItsVariablesFromSeriesTheExporterExposes() {
    // given
    var variables = new ArrayList<JsonNode>();
    dashboard.path("templating").path("list").forEach(variables::add);
    var queried = variables.stream().filter(v -> v.path("type").asText().equals("query")).toList();
    assertThat(queried).as("the partition and value type variables").hasSizeGreaterThanOrEqualTo(2);

    // when / then
    for (var variable : queried) {
      var query =
          variable.path("query").isObject()
              ? variable.path("query").path("query").asText()
              : variable.path("query").asText();
      assertThat(PromQl.missingIn(scrape, PromQl.variableQuery(query)))
          .as("variable %s: %s", variable.path("name").asText(), query)
          .isEmpty();
    }
  }

  @Test
  void shouldShowEveryMeterTheExporterRegisters() {
    // given the series every query names
    var named = new HashSet<String>();
    panelQueries()
        .values()
        .forEach(
            expression ->
                PromQl.references(expression)
                    .selectors()
                    .forEach(selector -> named.add(selector.metric())));

    // when / then each meter, found in the scrape by its description, is on a panel
    for (var meter : ExporterMeter.values()) {
      var series = seriesOf(meter);
      assertThat(series).as("series of %s in the scrape", meter.id()).isNotEmpty();
      assertThat(series).as("a panel showing %s", meter.id()).containsAnyElementsOf(named);
    }
  }

  @Test
  void shouldGiveEveryPanelAQueryOnTheDashboardsDataSource() {
    var ids = new HashSet<Integer>();
    for (var panel : panels()) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique id %s", panel.path("id")).isTrue();
      assertThat(panel.has("gridPos")).as("%s has a place", title(panel)).isTrue();
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
      assertThat(panel.path("targets")).as("%s has queries", title(panel)).isNotEmpty();
      panel
          .path("targets")
          .forEach(
              target -> assertThat(target.path("expr").asText()).as(title(panel)).isNotBlank());
    }
  }

  @Test
  void shouldFindTheInfBucketHistogramQuantileNeedsForEveryStage() {
    // given every (stage, value type, partition) of the latency meters
    var counts = scrape.samples("sightline_exporter_latency_seconds_count");
    assertThat(counts).as("latency stages measured in the run").hasSizeGreaterThan(10);

    // when / then each has its le="+Inf" bucket, holding every value
    for (var count : counts) {
      var infinite =
          scrape.samples("sightline_exporter_latency_histogram_total").stream()
              .filter(bucket -> "+Inf".equals(bucket.labels().get("le")))
              .filter(bucket -> withoutLe(bucket.labels()).equals(count.labels()))
              .toList();
      assertThat(infinite)
          .as("le=\"+Inf\" of %s", count.labels())
          .singleElement()
          .satisfies(bucket -> assertThat(bucket.value()).isEqualTo(count.value()));
    }
  }

  /** Every series whose family's help text is the meter's description. */
  private TreeSet<String> seriesOf(ExporterMeter meter) {
    var series = new TreeSet<String>();
    for (var name : scrape.names()) {
      scrape
          .family(name)
          .filter(family -> meter.description().equals(family.help()))
          .ifPresent(family -> series.add(name));
    }
    return series;
  }

  private static Map<String, String> withoutLe(Map<String, String> labels) {
    var copy = new LinkedHashMap<>(labels);
    copy.remove("le");
    return copy;
  }

  /** "panel title [refId]" → expression, for every target of every panel. */
  private Map<String, String> panelQueries() {
    var queries = new LinkedHashMap<String, String>();
    for (var panel : panels()) {
      panel
          .path("targets")
          .forEach(
              target ->
                  queries.put(
                      title(panel) + " [" + target.path("refId").asText() + "]",
                      target.path("expr").asText()));
    }
    return queries;
  }

  /** The panels, also those inside collapsed rows. */
  private List<JsonNode> panels() {
    var panels = new ArrayList<JsonNode>();
    dashboard
        .path("panels")
        .forEach(
            panel -> {
              panels.add(panel);
              panel.path("panels").forEach(panels::add);
            });
    return panels;
  }

  private static String title(JsonNode panel) {
    return "'" + panel.path("title").asText() + "'";
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Files.readString(find(DASHBOARD)));
    } catch (IOException e) {
      throw new AssertionError("cannot read " + DASHBOARD, e);
    }
  }

  /** Tests run in the module folder; the docs are at the repository root. */
  static Path find(String file) {
    for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      var candidate = dir.resolve(file);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(file + " not found above " + Path.of("").toAbsolutePath());
  }
}
