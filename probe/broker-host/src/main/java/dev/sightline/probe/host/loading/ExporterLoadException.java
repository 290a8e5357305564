package dev.sightline.probe.host.loading;

/** An exporter could not be loaded, created or validated; the message names the exporter id. */
public final class ExporterLoadException extends RuntimeException {

  private final String exporterId;

  public ExporterLoadException(String exporterId, String reason, Throwable cause) {
    super("Exporter '" + exporterId + "' " + reason, cause);
    this.exporterId = exporterId;
  }

  public String exporterId() {
    return exporterId;
  }
}
