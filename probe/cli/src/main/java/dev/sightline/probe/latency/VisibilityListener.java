package dev.sightline.probe.latency;

/** Told of every expectation met, on the probe's poller thread: keep it short. */
@FunctionalInterface
public interface VisibilityListener {

  VisibilityListener NONE = observation -> {};

  void onVisible(Observation observation);
}
