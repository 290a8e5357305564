package dev.sightline.probe.recordjson;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of mapping one record: its layout, the path of the property being mapped (for error
 * messages and the list of ignored properties), and the properties ignored so far. One per record,
 * one thread.
 */
final class ReadContext {

  private final RecordLayout layout;
  private final StringBuilder path = new StringBuilder(32);
  private final List<String> ignored = new ArrayList<>(0);

  ReadContext(RecordLayout layout) {
    this.layout = layout;
  }

  RecordLayout layout() {
    return layout;
  }

  /** Descends into a property; returns the mark to {@link #leave} with. */
  int enter(String property) {
    int mark = path.length();
    if (mark > 0) {
      path.append('.');
    }
    path.append(property);
    return mark;
  }

  /** Descends into an array element; returns the mark to {@link #leave} with. */
  int enterIndex(int index) {
    int mark = path.length();
    path.append('[').append(index).append(']');
    return mark;
  }

  void leave(int mark) {
    path.setLength(mark);
  }

  /** Records that a property of the current object has no counterpart in the protocol. */
  void ignore(String property) {
    ignored.add(path.isEmpty() ? property : path + "." + property);
  }

  List<String> ignored() {
    return List.copyOf(ignored);
  }

  MappingException error(String message) {
    return new MappingException((path.isEmpty() ? "record" : path) + ": " + message);
  }
}
