package dev.sightline.probe.host.testjar;

/** Present both on the test classpath and in the test exporter jar, to show which copy wins. */
public final class SharedMarker {

  private SharedMarker() {}
}
