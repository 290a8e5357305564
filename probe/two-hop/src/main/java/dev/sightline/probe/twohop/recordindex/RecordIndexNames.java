package dev.sightline.probe.twohop.recordindex;

import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The 8.6 naming: index {@code <prefix>_<value-type>_<version>_<yyyy-MM-dd>} (UTC date of the
 * record's timestamp), alias {@code <prefix>-<value-type>}, one template per value type.
 */
public record RecordIndexNames(String prefix) {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  /** {@code PROCESS_INSTANCE} → {@code process-instance}. */
  public static String valueTypeName(ValueType valueType) {
    return valueType.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String index(ValueType valueType, String brokerVersion, long timestampMillis) {
    var version =
        brokerVersion == null || brokerVersion.isBlank()
            ? "unknown"
            : brokerVersion.toLowerCase(Locale.ROOT);
    return prefix
        + "_"
        + valueTypeName(valueType)
        + "_"
        + version
        + "_"
        + DAY.format(Instant.ofEpochMilli(timestampMillis));
  }

  public String alias(ValueType valueType) {
    return prefix + "-" + valueTypeName(valueType);
  }

  public String template(ValueType valueType) {
    return prefix + "_" + valueTypeName(valueType);
  }

  /** Matches every index of the value type, whatever the version and date. */
  public String pattern(ValueType valueType) {
    return prefix + "_" + valueTypeName(valueType) + "_*";
  }
}
