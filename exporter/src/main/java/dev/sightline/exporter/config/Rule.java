package dev.sightline.exporter.config;

import java.util.function.Function;

/**
 * How a raw value becomes a typed, checked value, and the one sentence an operator reads when it
 * does not. The sentence covers type and range together, so {@code abc} and {@code 0} for {@code
 * bulk.size} get the same complete answer.
 *
 * @param text what the value must be, e.g. {@code must be an integer between 1 and 100000}
 * @param parser converts and checks; throws {@link IllegalArgumentException} for any value {@code
 *     text} rules out
 * @param formatter writes a typed value back in the form an operator writes it ({@code 20MB},
 *     {@code 30s})
 * @param shown how a raw value may appear in an error message: masked for secrets
 */
record Rule<T>(
    String text,
    Function<Object, T> parser,
    Function<? super T, String> formatter,
    Function<Object, String> shown) {

  static <T> Rule<T> of(
      String text, Function<Object, T> parser, Function<? super T, String> formatter) {
    return new Rule<>(text, parser, formatter, String::valueOf);
  }

  /** The same rule, its raw values shown in error messages as {@code shown} gives them. */
  Rule<T> shownAs(Function<Object, String> shown) {
    return new Rule<>(text, parser, formatter, shown);
  }

  /**
   * @throws IllegalArgumentException if the value breaks the rule
   */
  T parse(Object raw) {
    return parser.apply(raw);
  }

  String format(T value) {
    return formatter.apply(value);
  }

  String show(Object raw) {
    return shown.apply(raw);
  }
}
