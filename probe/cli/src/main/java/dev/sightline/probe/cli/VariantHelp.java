package dev.sightline.probe.cli;

/** The help text of {@code --variant}, shared by the commands that take it. */
final class VariantHelp {

  static final String NAMED =
      "<name>[:key=value,...]: two-hop (Camunda 8.6's record exporter + importer, 8.6 defaults),"
          + " direct-field (Sightline with the field's one-hop defaults) or direct (Sightline's"
          + " defaults), with exporter settings on top (docs/configuration.md), e.g."
          + " direct:bulk.delay=200ms. A setting the exporter does not know is refused here.";

  static final String OTHER =
      "jar=<file>,class=<exporter class>,watch.index=<index>,watch.id=key|partition-position"
          + "[,key=value,...]: another exporter's jar, loaded like any exporter, with only the"
          + " settings given; in values {es} is the node's URL (a cluster's: every node's, comma-separated),"
          + " {prefix} the variant's own index"
          + " prefix, {hlog} a directory for .hlog files in Sightline's format. The probe finds each"
          + " process instance in watch.index (which must contain {prefix}) by its key (a read"
          + " model, e.g. Camunda's list view) or as <partition>-<position> of the record that"
          + " activates it (a record index, e.g. Zeebe's Elasticsearch exporter); an exporter that"
          + " writes neither cannot be watched.";

  static final String LABEL =
      "label=<label> names a variant in the results (default: its name, then <name>#2, #3, ...;"
          + " another exporter: its jar's name). Values cannot contain commas.";

  private VariantHelp() {}
}
