package dev.sightline.probe.workload.engine;

/**
 * A job of a service task instance and its changing state.
 *
 * <p>Not thread-safe: owned by one partition's engine.
 */
final class Job {

  final long key;
  final String type;
  final ElementInstance element;
  int retries = 3;
  String worker = "";
  long deadline = -1;
  String errorMessage = "";

  Job(long key, String type, ElementInstance element) {
    this.key = key;
    this.type = type;
    this.element = element;
  }

  JobRef ref() {
    return new JobRef(key, type);
  }
}
