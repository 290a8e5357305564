package dev.sightline.exporter.store;

import dev.sightline.exporter.schema.ReadModelSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elasticsearch.client.RestClient;

/**
 * The read alias of every index, {@code <prefix>-<name>}, over every version readers may query: the
 * current one and each older one the current one upgrades from (docs/schema.md, "Versions and
 * aliases"). The current version's template declares the alias, so an index created from it has it;
 * this adds it to the indices created before — older versions, and a current index created by an
 * exporter without aliases. A version is found by its exact name ({@link
 * dev.sightline.exporter.schema.IndexDescriptor#versionOf}), never by a wildcard alone. Idempotent;
 * sends nothing when every alias is in place.
 */
final class SchemaAliases {

  private SchemaAliases() {}

  /** The wildcards that find every version of every index of the schema. */
  static List<String> patterns(ReadModelSchema schema) {
    return schema.indices().stream()
        .map(descriptor -> descriptor.versionsPattern(schema.prefix()))
        .toList();
  }

  /** Lists the versions that exist and adds the missing aliases, synchronously. */
  static void ensure(RestClient client, ReadModelSchema schema) {
    var what = "list of the read model's index versions";
    var request = ElasticsearchUpgrade.aliasesRequest(patterns(schema));
    var existing =
        ElasticsearchUpgrade.aliasesByIndex(
            RestCalls.json(RestCalls.perform(client, request, what), what));
    var actions = missing(schema, existing);
    if (!actions.isEmpty()) {
      RestCalls.perform(
          client,
          RestCalls.request(
              "POST", "/_aliases", "{\"actions\":[" + String.join(",", actions) + "]}"),
          "add the read aliases " + actions);
    }
  }

  /** The {@code add} actions for every readable version that lacks its alias. */
  static List<String> missing(ReadModelSchema schema, Map<String, Set<String>> existing) {
    var actions = new ArrayList<String>();
    for (var descriptor : schema.indices()) {
      var alias = descriptor.aliasName(schema.prefix());
      existing.forEach(
          (index, aliases) -> {
            var version = descriptor.versionOf(schema.prefix(), index);
            if (version.isPresent()
                && (version.getAsInt() == descriptor.version()
                    || descriptor.upgradesFrom(version.getAsInt()))
                && !aliases.contains(alias)) {
              actions.add("{\"add\":{\"index\":\"" + index + "\",\"alias\":\"" + alias + "\"}}");
            }
          });
    }
    return actions;
  }
}
