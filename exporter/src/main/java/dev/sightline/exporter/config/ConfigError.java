package dev.sightline.exporter.config;

import java.util.List;

/**
 * One thing wrong with the exporter's configuration.
 *
 * @param field the canonical setting name ({@code bulk.size}), or the key as given when it matches
 *     no setting
 * @param rule what the value must be ({@code must be an integer between 1 and 100000})
 * @param value the value as shown to the operator: quoted ({@code '0'}), {@code '***'} for secrets,
 *     {@code missing} when a required value is absent; {@code null} when it is deliberately not
 *     shown (the value of an unknown key may be a mistyped password)
 */
public record ConfigError(String field, String rule, String value) {

  static ConfigError invalid(String field, String rule, String shownValue) {
    return new ConfigError(field, rule, "'" + shownValue + "'");
  }

  static ConfigError missing(String field, String rule) {
    return new ConfigError(field, rule, "missing");
  }

  static ConfigError unknown(String givenKey, List<String> knownKeys) {
    return new ConfigError(
        givenKey, "unknown setting (known: " + String.join(", ", knownKeys) + ")", null);
  }

  static ConfigError givenTwice(String field, List<String> givenKeys) {
    return new ConfigError(
        field, "must be given only once", "given as '" + String.join("' and '", givenKeys) + "'");
  }

  /**
   * {@code <field>: <rule>, but was <value>}, or {@code <field>: <rule>} when the value is not
   * shown.
   */
  public String message() {
    return value == null ? field + ": " + rule : field + ": " + rule + ", but was " + value;
  }
}
