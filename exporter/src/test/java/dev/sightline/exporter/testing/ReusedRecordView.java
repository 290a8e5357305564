package dev.sightline.exporter.testing;

import io.camunda.zeebe.protocol.record.Record;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * One {@link Record} object re-pointed at each record, as the broker re-wraps one record over its
 * read buffer: an exporter that keeps it instead of a copy sees later records through it. Its
 * {@link Record#copyOf()} is the broker's deep copy, or unsupported, as the test chooses.
 */
public final class ReusedRecordView {

  private final Record<?> view;
  private Record<?> current;

  public ReusedRecordView(boolean supportsCopyOf) {
    view =
        (Record<?>)
            Proxy.newProxyInstance(
                Record.class.getClassLoader(),
                new Class<?>[] {Record.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("copyOf") && method.getParameterCount() == 0) {
                    if (!supportsCopyOf) {
                      throw new UnsupportedOperationException("test: no copyOf");
                    }
                    return current; // the records behind the view are immutable
                  }
                  if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                    return "view of " + current;
                  }
                  try {
                    return method.invoke(current, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  /** The view, now showing {@code record}. */
  public Record<?> show(Record<?> record) {
    current = record;
    return view;
  }
}
