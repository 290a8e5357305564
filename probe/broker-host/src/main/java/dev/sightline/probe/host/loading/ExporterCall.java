package dev.sightline.probe.host.loading;

/** The ways the host calls into exporter code, for deciding the thread context class loader. */
public enum ExporterCall {
  /** The public no-argument constructor. */
  CONSTRUCT,
  /**
   * {@code configure} on the throw-away instance at start (partition id {@code Integer.MIN_VALUE}).
   */
  VALIDATE,
  CONFIGURE,
  OPEN,
  /** The {@code RecordFilter} the exporter set. */
  FILTER,
  EXPORT,
  /** A task given to {@code Controller#scheduleCancellableTask}. */
  SCHEDULED_TASK,
  CLOSE,
  /** {@code configure}, {@code purge} and {@code close} on the instance created for a purge. */
  PURGE
}
