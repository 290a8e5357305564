package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.Settings.INDEX_PREFIX;

import dev.sightline.exporter.schema.ReadModelSchema;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Elasticsearch refuses an index name over 255 bytes (UTF-8), and the exporter appends to {@code
 * index.prefix}. A prefix of a hundred characters fits in ASCII but not in every script, so the
 * check is on the longest name of the schema, in bytes — at configure, not at the first flush.
 */
final class IndexNameRules {

  /** Elasticsearch's limit on an index name, in UTF-8 bytes. */
  static final int MAX_NAME_BYTES = 255;

  /** What the schema appends to the prefix in its longest name (index or template). */
  static final String LONGEST_SUFFIX =
      ReadModelSchema.names("").stream().max(Comparator.comparingInt(IndexNameRules::bytes)).get();

  static final int MAX_PREFIX_BYTES = MAX_NAME_BYTES - bytes(LONGEST_SUFFIX);

  private IndexNameRules() {}

  static List<ConfigError> check(SettingValues values) {
    if (!values.areValid(INDEX_PREFIX) || bytes(values.get(INDEX_PREFIX)) <= MAX_PREFIX_BYTES) {
      return List.of();
    }
    return List.of(
        ConfigError.invalid(
            INDEX_PREFIX.key(),
            "must be at most "
                + MAX_PREFIX_BYTES
                + " bytes in UTF-8, so that the longest name the exporter creates, <prefix>"
                + LONGEST_SUFFIX
                + ", stays within Elasticsearch's "
                + MAX_NAME_BYTES
                + " bytes",
            values.shown(INDEX_PREFIX)));
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
