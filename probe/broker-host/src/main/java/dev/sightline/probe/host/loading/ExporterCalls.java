package dev.sightline.probe.host.loading;

/**
 * Runs exporter code with the thread context class loader the policy asks for, restoring the
 * previous one afterwards, whatever happens.
 *
 * <p>Thread-safety: immutable; affects only the calling thread.
 */
public record ExporterCalls(ClassLoader exporterLoader, ContextClassLoaderPolicy policy) {

  /** Exporter code that may throw anything. */
  @FunctionalInterface
  public interface ExporterCode<T> {
    T run() throws Exception;
  }

  /** Exporter code without a result. */
  @FunctionalInterface
  public interface ExporterAction {
    void run() throws Exception;
  }

  public <T> T call(ExporterCall call, ExporterCode<T> code) throws Exception {
    if (!policy.switchesFor(call)) {
      return code.run();
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(exporterLoader);
    try {
      return code.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  public void run(ExporterCall call, ExporterAction action) throws Exception {
    call(
        call,
        () -> {
          action.run();
          return null;
        });
  }

  /** For code that throws only unchecked exceptions (export, scheduled tasks, filters). */
  public void runUnchecked(ExporterCall call, Runnable action) {
    try {
      run(call, action::run);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
