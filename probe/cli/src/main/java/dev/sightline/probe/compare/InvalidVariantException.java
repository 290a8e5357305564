package dev.sightline.probe.compare;

/**
 * A variant that cannot run as given: a malformed {@code --variant}, an unknown name or setting, a
 * label given twice, an exporter that refuses its settings. The message is one line naming the
 * variant, the rule and the value; the command line reports it as a usage error.
 */
public final class InvalidVariantException extends IllegalArgumentException {

  public InvalidVariantException(String message) {
    super(message);
  }
}
