package dev.sightline.exporter.meters;

import dev.sightline.exporter.testing.PrometheusText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a PromQL expression (as a Grafana panel holds it) names: its series selectors with the label
 * names of their matchers, and the label lists of its aggregations ({@code by}, {@code without})
 * with the series they aggregate. A tokenizer and a scan of the tokens, not a full parser: it knows
 * PromQL's functions, aggregation operators and keywords, so none of them is taken for a metric
 * name, and it refuses what it does not understand (an unknown function, vector matching with
 * {@code on}/{@code ignoring}/{@code group_left}/{@code group_right}) instead of passing it.
 */
final class PromQl {

  /** A series selector: {@code metric{label="x", …}}; {@code labels} as named in its matchers. */
  record Selector(String metric, Set<String> labels) {}

  /** {@code by (…)} or {@code without (…)} of an aggregation, and the selectors it aggregates. */
  record Grouping(String keyword, Set<String> labels, List<Selector> scope) {}

  /** Everything an expression names. */
  record References(List<Selector> selectors, List<Grouping> groupings) {}

  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "avg",
          "min",
          "max",
          "count",
          "group",
          "stddev",
          "stdvar",
          "topk",
          "bottomk",
          "quantile",
          "count_values",
          "limitk",
          "limit_ratio");

  /** Prometheus 3's functions (and the {@code @} modifier's {@code start()}, {@code end()}). */
  private static final Set<String> FUNCTIONS =
      Set.of(
          "abs",
          "absent",
          "absent_over_time",
          "acos",
          "acosh",
          "asin",
          "asinh",
          "atan",
          "atanh",
          "avg_over_time",
          "ceil",
          "changes",
          "clamp",
          "clamp_max",
          "clamp_min",
          "cos",
          "cosh",
          "count_over_time",
          "day_of_month",
          "day_of_week",
          "day_of_year",
          "days_in_month",
          "deg",
          "delta",
          "deriv",
          "double_exponential_smoothing",
          "end",
          "exp",
          "floor",
          "histogram_avg",
          "histogram_count",
          "histogram_fraction",
          "histogram_quantile",
          "histogram_stddev",
          "histogram_stdvar",
          "histogram_sum",
          "holt_winters",
          "hour",
          "idelta",
          "increase",
          "irate",
          "label_join",
          "label_replace",
          "last_over_time",
          "ln",
          "log10",
          "log2",
          "mad_over_time",
          "max_over_time",
          "min_over_time",
          "minute",
          "month",
          "pi",
          "predict_linear",
          "present_over_time",
          "quantile_over_time",
          "rad",
          "rate",
          "resets",
          "round",
          "scalar",
          "sgn",
          "sin",
          "sinh",
          "sort",
          "sort_by_label",
          "sort_by_label_desc",
          "sort_desc",
          "sqrt",
          "start",
          "stddev_over_time",
          "stdvar_over_time",
          "sum_over_time",
          "tan",
          "tanh",
          "time",
          "timestamp",
          "vector",
          "year");

  private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");
  private static final Set<String> NUMBER_WORDS = Set.of("inf", "nan");
  private static final Set<String> VECTOR_MATCHING =
      Set.of("on", "ignoring", "group_left", "group_right");

  private enum Kind {
    IDENTIFIER,
    NUMBER,
    STRING,
    VARIABLE,
    PUNCTUATION,
    OPERATOR
  }

  private record Token(Kind kind, String text, int at) {
    boolean is(String punctuation) {
      return (kind == Kind.PUNCTUATION || kind == Kind.OPERATOR) && text.equals(punctuation);
    }
  }

  private final String expression;
  private final List<Token> tokens;
  private final List<Integer> selectorPositions = new ArrayList<>();
  private final List<Selector> selectors = new ArrayList<>();
  private final List<PendingGrouping> groupings = new ArrayList<>();

  /** A grouping whose scope is the selectors between two token positions. */
  private record PendingGrouping(String keyword, Set<String> labels, int from, int to) {}

  private PromQl(String expression) {
    this.expression = expression;
    this.tokens = tokenize(expression);
  }

  /**
   * @throws IllegalArgumentException naming the expression and what in it is not understood
   */
  static References references(String expression) {
    var parser = new PromQl(expression);
    parser.scan();
    var groupings = new ArrayList<Grouping>();
    for (var pending : parser.groupings) {
      var scope = new ArrayList<Selector>();
      for (var i = 0; i < parser.selectors.size(); i++) {
        var at = parser.selectorPositions.get(i);
        if (at > pending.from() && at < pending.to()) {
          scope.add(parser.selectors.get(i));
        }
      }
      groupings.add(new Grouping(pending.keyword(), pending.labels(), List.copyOf(scope)));
    }
    return new References(List.copyOf(parser.selectors), List.copyOf(groupings));
  }

  /**
   * A Grafana template variable's query: {@code label_values(<selector expression>, <label>)}, the
   * label grouping the series of the expression; or {@code query_result(<expression>)}.
   *
   * @throws IllegalArgumentException for any other query (nothing to check it against)
   */
  static References variableQuery(String query) {
    var trimmed = query.strip();
    if (trimmed.startsWith("query_result(") && trimmed.endsWith(")")) {
      return references(trimmed.substring("query_result(".length(), trimmed.length() - 1));
    }
    if (!trimmed.startsWith("label_values(") || !trimmed.endsWith(")")) {
      throw new IllegalArgumentException("Not a query this check understands: " + query);
    }
    var inner = trimmed.substring("label_values(".length(), trimmed.length() - 1);
    var comma = inner.lastIndexOf(',');
    if (comma < 0) {
      throw new IllegalArgumentException(
          "label_values without a metric cannot be checked: " + query);
    }
    var expression = references(inner.substring(0, comma));
    var label = inner.substring(comma + 1).strip();
    var groupings = new ArrayList<>(expression.groupings());
    groupings.add(new Grouping("label_values", Set.of(label), expression.selectors()));
    return new References(expression.selectors(), List.copyOf(groupings));
  }

  /**
   * What in {@code expression} the scrape does not have: a metric name no series carries, a label a
   * selector matches on that none of the metric's series has, a grouping label missing from a
   * metric it aggregates. Empty when the expression refers only to what exists.
   */
  static List<String> missingIn(PrometheusText scrape, String expression) {
    return missingIn(scrape, references(expression));
  }

  static List<String> missingIn(PrometheusText scrape, References references) {
    var missing = new ArrayList<String>();
    var names = scrape.names();
    for (var selector : references.selectors()) {
      if (!names.contains(selector.metric())) {
        missing.add("no series named " + selector.metric());
        continue;
      }
      var labels = scrape.labelNames(selector.metric());
      for (var label : selector.labels()) {
        if (!label.equals("__name__") && !labels.contains(label)) {
          missing.add(
              "no label '%s' on %s (it has %s)".formatted(label, selector.metric(), labels));
        }
      }
    }
    for (var grouping : references.groupings()) {
      if (grouping.scope().isEmpty()) {
        missing.add(grouping.keyword() + " " + grouping.labels() + " aggregates no series");
      }
      for (var selector : grouping.scope()) {
        if (!names.contains(selector.metric())) {
          continue; // reported above
        }
        var labels = scrape.labelNames(selector.metric());
        for (var label : grouping.labels()) {
          if (!labels.contains(label)) {
            missing.add(
                "%s (%s): no label '%s' on %s (it has %s)"
                    .formatted(grouping.keyword(), label, label, selector.metric(), labels));
          }
        }
      }
    }
    return missing;
  }

  private void scan() {
    for (var i = 0; i < tokens.size(); i++) {
      var token = tokens.get(i);
      if (token.is("{")) {
        throw refused("a selector without a metric name", token);
      }
      if (token.kind() != Kind.IDENTIFIER) {
        continue;
      }
      var word = token.text().toLowerCase(Locale.ROOT);
      var next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (VECTOR_MATCHING.contains(word)) {
        throw refused("vector matching ('" + token.text() + "') is not checked", token);
      }
      if (SET_OPERATORS.contains(word) || NUMBER_WORDS.contains(word) || word.equals("bool")) {
        continue;
      }
      if (word.equals("offset")) {
        i = skipOffset(i + 1);
        continue;
      }
      if (AGGREGATIONS.contains(word) && next != null && (next.is("(") || isGrouping(next))) {
        i = aggregation(i);
        continue;
      }
      if (next != null && next.is("(")) {
        if (!FUNCTIONS.contains(token.text())) {
          throw refused("unknown function '" + token.text() + "'", token);
        }
        continue;
      }
      i = selector(i);
    }
  }

  private static boolean isGrouping(Token token) {
    if (token.kind() != Kind.IDENTIFIER) {
      return false;
    }
    var word = token.text().toLowerCase(Locale.ROOT);
    return word.equals("by") || word.equals("without");
  }

  /**
   * {@code agg by (l) (args)} or {@code agg (args) by (l)} or {@code agg (args)}: records the
   * grouping over the args' tokens; returns the index of the token before the args' {@code (}, so
   * that the scan goes on inside them.
   */
  private int aggregation(int at) {
    var i = at + 1;
    String keyword = null;
    Set<String> labels = null;
    if (isGrouping(tokens.get(i))) {
      keyword = tokens.get(i).text().toLowerCase(Locale.ROOT);
      var list = labelList(i + 1);
      labels = list.labels();
      i = list.next();
    }
    if (i >= tokens.size() || !tokens.get(i).is("(")) {
      throw refused("an aggregation without its argument", tokens.get(at));
    }
    var open = i;
    var close = matching(open);
    if (keyword == null && close + 1 < tokens.size() && isGrouping(tokens.get(close + 1))) {
      keyword = tokens.get(close + 1).text().toLowerCase(Locale.ROOT);
      var list = labelList(close + 2);
      labels = list.labels();
      // blank out the trailing clause so that the scan does not read its labels as metrics
      for (var j = close + 1; j < list.next(); j++) {
        tokens.set(j, new Token(Kind.PUNCTUATION, " ", tokens.get(j).at()));
      }
    }
    if (keyword != null) {
      groupings.add(new PendingGrouping(keyword, labels, open, close));
    }
    return open - 1 > at ? open - 1 : at;
  }

  private record LabelList(Set<String> labels, int next) {}

  /** {@code ( label, label, … )} starting at {@code at}. */
  private LabelList labelList(int at) {
    if (at >= tokens.size() || !tokens.get(at).is("(")) {
      throw refused("a label list in parentheses", tokens.get(Math.min(at, tokens.size() - 1)));
    }
    var labels = new LinkedHashSet<String>();
    var i = at + 1;
    while (!tokens.get(i).is(")")) {
      var token = tokens.get(i);
      if (token.kind() == Kind.IDENTIFIER) {
        labels.add(token.text());
      } else if (!token.is(",")) {
        throw refused("a label name", token);
      }
      i++;
      if (i >= tokens.size()) {
        throw refused("a ')' closing the label list", tokens.get(at));
      }
    }
    return new LabelList(labels, i + 1);
  }

  /** A metric name, its optional {@code {matchers}}; returns the index of its last token. */
  private int selector(int at) {
    var metric = tokens.get(at).text();
    var labels = new LinkedHashSet<String>();
    var i = at;
    if (at + 1 < tokens.size() && tokens.get(at + 1).is("{")) {
      i = at + 2;
      while (!tokens.get(i).is("}")) {
        var name = tokens.get(i);
        if (name.is(",")) {
          i++;
          continue;
        }
        if (name.kind() != Kind.IDENTIFIER) {
          throw refused("a label name in the matchers of " + metric, name);
        }
        var operator = tokens.get(i + 1);
        if (!(operator.is("=") || operator.is("!=") || operator.is("=~") || operator.is("!~"))) {
          throw refused("a matcher operator after '" + name.text() + "'", operator);
        }
        if (tokens.get(i + 2).kind() != Kind.STRING) {
          throw refused("a quoted value for '" + name.text() + "'", tokens.get(i + 2));
        }
        labels.add(name.text());
        i += 3;
      }
    }
    selectorPositions.add(at);
    selectors.add(new Selector(metric, labels));
    return i;
  }

  /** {@code offset [-]duration}; returns the index of the duration's last token. */
  private int skipOffset(int at) {
    var i = at;
    if (tokens.get(i).is("-")) {
      i++;
    }
    return i;
  }

  private int matching(int open) {
    var depth = 0;
    for (var i = open; i < tokens.size(); i++) {
      if (tokens.get(i).is("(")) {
        depth++;
      } else if (tokens.get(i).is(")")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw refused("a ')' closing this '('", tokens.get(open));
  }

  private IllegalArgumentException refused(String what, Token near) {
    return new IllegalArgumentException(
        "Not understood in PromQL expression (%s) at %d near '%s': %s"
            .formatted(expression, near.at(), near.text(), what));
  }

  private static List<Token> tokenize(String expression) {
    var tokens = new ArrayList<Token>();
    var i = 0;
    while (i < expression.length()) {
      var c = expression.charAt(i);
      var start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') { // a comment, to the end of the line
        while (i < expression.length() && expression.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        i++;
        while (i < expression.length() && expression.charAt(i) != c) {
          i += expression.charAt(i) == '\\' && c != '`' ? 2 : 1;
        }
        if (i >= expression.length()) {
          throw new IllegalArgumentException(
              "Unclosed string in PromQL expression (%s) at %d".formatted(expression, start));
        }
        i++;
        tokens.add(new Token(Kind.STRING, expression.substring(start, i), start));
      } else if (c == '$') { // a Grafana variable: $name, ${name}, ${name:format}
        i++;
        if (i < expression.length() && expression.charAt(i) == '{') {
          i = expression.indexOf('}', i) + 1;
        } else {
          while (i < expression.length() && isWordPart(expression.charAt(i))) {
            i++;
          }
        }
        tokens.add(new Token(Kind.VARIABLE, expression.substring(start, i), start));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < expression.length())) {
        while (i < expression.length()
            && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, expression.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < expression.length()
            && (isWordPart(expression.charAt(i)) || expression.charAt(i) == ':')) {
          i++;
        }
        tokens.add(new Token(Kind.IDENTIFIER, expression.substring(start, i), start));
      } else if ("(){}[],:@".indexOf(c) >= 0) {
        i++;
        tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c), start));
      } else if ("+-*/%^=!<>~".indexOf(c) >= 0) {
        i++;
        while (i < expression.length() && "=~".indexOf(expression.charAt(i)) >= 0) {
          i++;
        }
        tokens.add(new Token(Kind.OPERATOR, expression.substring(start, i), start));
      } else {
        throw new IllegalArgumentException(
            "Not understood in PromQL expression (%s) at %d: '%s'".formatted(expression, i, c));
      }
    }
    return tokens;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
