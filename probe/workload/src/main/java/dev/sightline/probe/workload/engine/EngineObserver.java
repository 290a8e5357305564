package dev.sightline.probe.workload.engine;

/**
 * What the engine reports to whoever drives it (the simulated worker), called on the engine's
 * thread while it processes a command.
 */
@FunctionalInterface
public interface EngineObserver {

  /** A job was created and can be activated once the current command is processed. */
  void jobCreated(JobRef job);
}
