package dev.sightline.exporter.meters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.meters.PromQl.Grouping;
import dev.sightline.exporter.meters.PromQl.Selector;
import dev.sightline.exporter.testing.PrometheusText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The PromQL reader the dashboard check relies on: what it takes for series, and what not. */
class PromQlTest {

  private static List<String> metrics(String expression) {
    return PromQl.references(expression).selectors().stream().map(Selector::metric).toList();
  }

  @Nested
  class Selectors {

    @Test
    void shouldTakeNoFunctionKeywordOrLabelForAMetric() {
      // when
      var metrics =
          metrics(
              "histogram_quantile(0.99, sum by (le, partition) (rate(a_bucket{stage=\"visible\","
                  + " partition=~\"$partition\"}[$__rate_interval])))");

      // then
      assertThat(metrics).containsExactly("a_bucket");
    }

    @Test
    void shouldReadTheLabelsOfEveryMatcher() {
      // when
      var references =
          PromQl.references("a_total{x=\"1\", y!=\"2\", z=~\"3|4\", w!~\"5\",} offset 5m");

      // then
      assertThat(references.selectors())
          .containsExactly(new Selector("a_total", Set.of("x", "y", "z", "w")));
    }

    @Test
    void shouldFindEverySeriesOfABinaryExpression() {
      assertThat(
              metrics(
                  "sum(rate(a_sum[1m])) / sum(rate(a_count[1m])) > bool 0.5 and b unless c or"
                      + " d offset -1h @ start() + Inf"))
          .containsExactly("a_sum", "a_count", "b", "c", "d");
    }

    @Test
    void shouldNotReadStringsOrRangesAsSeries() {
      assertThat(
              metrics(
                  "label_replace(count_values(\"version\", a{l=\"}{ b \"}), \"dst\", \"$1\","
                      + " \"src\", \"(.*)\") + max_over_time(c[5m:30s])"))
          .containsExactly("a", "c");
    }
  }

  @Nested
  class Groupings {

    @Test
    void shouldScopeALeadingByClauseToItsArgument() {
      // when
      var groupings =
          PromQl.references("sum by (partition) (rate(a[1m])) / on_series_b").groupings();

      // then
      assertThat(groupings)
          .containsExactly(
              new Grouping("by", Set.of("partition"), List.of(new Selector("a", Set.of()))));
    }

    @Test
    void shouldScopeATrailingByClauseToItsArgumentAndNotTakeItsLabelsForSeries() {
      // when
      var references = PromQl.references("max(a{x=\"1\"}) without (stage) * b");

      // then
      assertThat(references.selectors())
          .containsExactly(new Selector("a", Set.of("x")), new Selector("b", Set.of()));
      assertThat(references.groupings())
          .containsExactly(
              new Grouping("without", Set.of("stage"), List.of(new Selector("a", Set.of("x")))));
    }

    @Test
    void shouldScopeNestedAggregationsEachToItsOwnArgument() {
      // when
      var groupings = PromQl.references("topk(3, max by (p) (a)) + COUNT BY (q) (b)").groupings();

      // then
      assertThat(groupings)
          .containsExactly(
              new Grouping("by", Set.of("p"), List.of(new Selector("a", Set.of()))),
              new Grouping("by", Set.of("q"), List.of(new Selector("b", Set.of()))));
    }

    @Test
    void shouldReadALabelValuesVariable() {
      // when
      var references = PromQl.variableQuery("label_values(a_count{x=\"1\"}, partition)");

      // then
      assertThat(references.groupings())
          .containsExactly(
              new Grouping(
                  "label_values",
                  Set.of("partition"),
                  List.of(new Selector("a_count", Set.of("x")))));
    }
  }

  @Nested
  class Refusals {

    @Test
    void shouldRefuseAnUnknownFunction() {
      assertThatThrownBy(() -> PromQl.references("rat(a[5m])"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown function 'rat'");
    }

    @Test
    void shouldRefuseVectorMatchingItDoesNotCheck() {
      assertThatThrownBy(() -> PromQl.references("a / on (partition) group_left (x) b"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("vector matching ('on') is not checked");
    }

    @Test
    void shouldRefuseASelectorWithoutAMetricName() {
      assertThatThrownBy(() -> PromQl.references("{__name__=~\"sightline_.*\"}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a selector without a metric name");
    }

    @Test
    void shouldRefuseALabelValuesVariableWithoutAMetric() {
      assertThatThrownBy(() -> PromQl.variableQuery("label_values(partition)"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("without a metric");
    }
  }

  @Nested
  class Missing {

    private final PrometheusText scrape =
        PrometheusText.parse(
            """
            # HELP a_total A counter
            # TYPE a_total counter
            a_total{partition="1",kind="bulk"} 1.0
            a_total{partition="2",kind="request"} 0.0
            """);

    @Test
    void shouldFindNothingMissingWhenEverySeriesAndLabelExists() {
      assertThat(PromQl.missingIn(scrape, "sum by (kind) (rate(a_total{partition=\"1\"}[1m]))"))
          .isEmpty();
    }

    @Test
    void shouldNameAMissingSeriesAMissingMatcherLabelAndAMissingGroupingLabel() {
      assertThat(
              PromQl.missingIn(
                  scrape,
                  "sum by (stage) (rate(a_total{errorType=\"x\"}[1m])) + rate(b_total[1m])"))
          .containsExactlyInAnyOrder(
              "no label 'errorType' on a_total (it has [kind, partition])",
              "no series named b_total",
              "by (stage): no label 'stage' on a_total (it has [kind, partition])");
    }
  }
}
