package dev.sightline.exporter.testing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Keeps every formatted message and throwable text it is given, at every level, for assertions. */
public final class CapturingLogger extends LegacyAbstractLogger {

  private final List<String> lines = new ArrayList<>();

  public CapturingLogger() {
    this.name = "capturing";
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Everything logged, one string (messages and stack traces). */
  public synchronized String all() {
    return String.join("\n", lines);
  }

  @Override
  protected synchronized void handleNormalizedLoggingCall(
      Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
    var text = level + " " + MessageFormatter.basicArrayFormat(message, arguments);
    if (throwable != null) {
      var trace = new java.io.StringWriter();
      throwable.printStackTrace(new java.io.PrintWriter(trace));
      text += "\n" + trace;
    }
    lines.add(text);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
