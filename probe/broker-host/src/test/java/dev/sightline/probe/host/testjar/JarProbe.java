package dev.sightline.probe.host.testjar;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where {@link JarProbeExporter}, loaded from a jar, reports what it sees. Never put into the jar,
 * so the jar's classes resolve it from the host (the test) and both sides share it. Keyed by a
 * probe id that each test makes unique. Thread-safe.
 */
public final class JarProbe {

  /**
   * One call into the jar exporter.
   *
   * @param instance identity of the exporter instance
   * @param loaders the class loader of each class the exporter uses, by role
   */
  public record Event(
      String call,
      int partitionId,
      int instance,
      long position,
      String thread,
      ClassLoader contextLoader,
      Map<String, ClassLoader> loaders) {}

  private static final Map<String, List<Event>> EVENTS = new ConcurrentHashMap<>();

  private JarProbe() {}

  public static void record(String probeId, Event event) {
    EVENTS.computeIfAbsent(probeId, id -> new CopyOnWriteArrayList<>()).add(event);
  }

  public static List<Event> events(String probeId) {
    return List.copyOf(EVENTS.getOrDefault(probeId, List.of()));
  }

  public static List<Event> events(String probeId, String call) {
    return events(probeId).stream().filter(event -> event.call().equals(call)).toList();
  }
}
