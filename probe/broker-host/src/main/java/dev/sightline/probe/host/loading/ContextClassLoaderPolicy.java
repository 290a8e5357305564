package dev.sightline.probe.host.loading;

import java.util.EnumSet;
import java.util.Set;

/**
 * Around which exporter calls the thread context class loader is set to the exporter's class
 * loader.
 */
public enum ContextClassLoaderPolicy {

  /**
   * As a Zeebe 8.8 broker: validate, configure, open, export and close. The constructor, the record
   * filter, scheduled tasks and purge run with the actor's own context class loader (the host's,
   * like the broker's).
   */
  BROKER(
      EnumSet.of(
          ExporterCall.VALIDATE,
          ExporterCall.CONFIGURE,
          ExporterCall.OPEN,
          ExporterCall.EXPORT,
          ExporterCall.CLOSE)),

  /** Every call into exporter code, scheduled tasks and purge included. */
  EVERY_CALL(EnumSet.allOf(ExporterCall.class));

  private final Set<ExporterCall> switched;

  ContextClassLoaderPolicy(Set<ExporterCall> switched) {
    this.switched = switched;
  }

  public boolean switchesFor(ExporterCall call) {
    return switched.contains(call);
  }
}
