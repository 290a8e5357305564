package dev.sightline.exporter.config;

/**
 * How variable values are stored. Validated by {@link ConfigParser}.
 *
 * @param previewSize the longest value, in Unicode code points, kept in the indexed {@code value}
 *     field; longer values are truncated there and kept whole in the stored-only {@code fullValue}
 */
public record VariablesConfig(int previewSize) {}
