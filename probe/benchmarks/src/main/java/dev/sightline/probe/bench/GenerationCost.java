package dev.sightline.probe.bench;

import dev.sightline.probe.workload.Workload;
import dev.sightline.probe.workload.WorkloadSpec;
import dev.sightline.probe.workload.shape.Shapes;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Measures what generating a workload costs on one core: records per second of CPU time (of the
 * generating thread, and of the whole process including GC and JIT), bytes allocated per record,
 * and the heap still in use while generating (sampled after a GC every tenth of the run), which
 * stays flat because records are generated lazily. Partitions are generated one after the other on
 * the calling thread. Arguments: {@code key=value} overrides of {@link WorkloadSpec#defaults()} —
 * {@code rate}, {@code partitions}, {@code duration}, {@code warmUp} (ISO-8601), {@code
 * workerDelay}, {@code payloadBytes}, {@code incidentRate}, {@code shape}.
 */
public final class GenerationCost {

  private GenerationCost() {}

  public static void main(String[] args) {
    WorkloadSpec spec = parse(args);
    var workload = Workload.of(spec, Instant.parse("2026-01-01T00:00:00Z"));
    long instances = spec.instanceCount();
    System.out.printf(
        "shape=%s rate=%s/s partitions=%d run=%s instances=%d workerDelay=%s payloadBytes=%d incidentRate=%s%n",
        spec.shape().name(),
        spec.instancesPerSecond(),
        spec.partitions(),
        spec.warmUp().plus(spec.duration()),
        instances,
        spec.workerDelay(),
        spec.payloadBytes(),
        spec.incidentRate());

    // pass 1: time and allocation
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long threadId = Thread.currentThread().threadId();
    Map<ValueType, Long> byType = new EnumMap<>(ValueType.class);
    var process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
    long processCpuBefore = process.getProcessCpuTime();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    long wallBefore = System.nanoTime();
    long records = generate(workload, record -> byType.merge(record.getValueType(), 1L, Long::sum));
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
    long processCpuNanos = process.getProcessCpuTime() - processCpuBefore;
    long wallNanos = System.nanoTime() - wallBefore;
    long allocated = threads.getThreadAllocatedBytes(threadId) - allocatedBefore;

    // pass 2: heap in use, sampled after a GC every tenth of the records
    long[] seen = {0};
    long[] maxUsedHeap = {usedHeapAfterGc()};
    long sampleEvery = Math.max(1, records / 10);
    generate(
        workload,
        record -> {
          if (++seen[0] % sampleEvery == 0) {
            maxUsedHeap[0] = Math.max(maxUsedHeap[0], usedHeapAfterGc());
          }
        });

    System.out.printf(
        "records=%d (%.1f per started instance)%n", records, (double) records / instances);
    byType.forEach(
        (type, count) ->
            System.out.printf(
                "  %-26s %9d  %6.2f per instance%n", type, count, (double) count / instances));
    System.out.printf(
        "generating thread cpu=%.2f s (%.0f records/s), whole process cpu=%.2f s incl. GC and JIT (%.0f records/s),"
            + " wall=%.2f s; the run needs %.0f records/s%n",
        cpuNanos / 1e9,
        records / (cpuNanos / 1e9),
        processCpuNanos / 1e9,
        records / (processCpuNanos / 1e9),
        wallNanos / 1e9,
        records / (double) spec.warmUp().plus(spec.duration()).toSeconds());
    System.out.printf(
        "allocated=%.1f MB (%.0f bytes per record); heap in use after GC while generating: at most %.1f MB%n",
        allocated / 1e6, (double) allocated / records, maxUsedHeap[0] / 1e6);
  }

  private static long generate(Workload workload, java.util.function.Consumer<Record<?>> each) {
    long records = 0;
    for (int partitionId = 1; partitionId <= workload.spec().partitions(); partitionId++) {
      Iterator<Record<?>> partition = workload.records(partitionId);
      while (partition.hasNext()) {
        each.accept(partition.next());
        records++;
      }
    }
    return records;
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static WorkloadSpec parse(String[] args) {
    WorkloadSpec spec = WorkloadSpec.defaults();
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("Expected key=value, got '" + arg + "'");
      }
      String value = pair[1];
      spec =
          switch (pair[0]) {
            case "rate" -> spec.withRate(Double.parseDouble(value));
            case "partitions" -> spec.withPartitions(Integer.parseInt(value));
            case "duration" -> spec.withDuration(Duration.parse(value), spec.warmUp());
            case "warmUp" -> spec.withDuration(spec.duration(), Duration.parse(value));
            case "workerDelay" -> spec.withWorkerDelay(Duration.parse(value));
            case "payloadBytes" -> spec.withPayloadBytes(Integer.parseInt(value));
            case "incidentRate" ->
                spec.withIncidents(Double.parseDouble(value), spec.incidentResolveDelay());
            case "shape" -> spec.withShape(Shapes.named(value));
            default -> throw new IllegalArgumentException("Unknown setting '" + pair[0] + "'");
          };
    }
    return spec;
  }
}
