package dev.sightline.probe.host;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What a test exporter saw, in order; one log per test. Thread-safe. */
final class CallLog {

  /**
   * @param instance which exporter instance (numbered from 1 in creation order)
   * @param position the record's position for export, else -1
   */
  record Call(
      String method,
      int instance,
      int partitionId,
      long position,
      Thread thread,
      ClassLoader contextLoader,
      Instant time) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger instances = new AtomicInteger();

  int nextInstance() {
    return instances.incrementAndGet();
  }

  void add(Call call) {
    calls.add(call);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).toList();
  }

  List<Long> exportedPositions() {
    return calls("export").stream().map(Call::position).toList();
  }

  List<String> methods() {
    return calls.stream().map(Call::method).toList();
  }
}
