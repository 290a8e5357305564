package dev.sightline.probe.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads the exporters' {@code .hlog} files (tags {@code <stage>:<VALUE_TYPE>}) and merges, per
 * stage, the intervals of one value type from every partition that overlap the measured part of the
 * run: those that end after it began. An interval that straddles the start may hold some warm-up
 * values (at most one interval's worth, {@code latency.hlog.interval}); dropping it would lose
 * measured ones instead, and all of them when the run is shorter than two intervals.
 */
final class HlogStages {

  private HlogStages() {}

  static Map<String, Histogram> read(
      Path dir, String valueType, long measuredFromMillis, Map<String, String> rename)
      throws IOException {
    var stages = new LinkedHashMap<String, Histogram>();
    if (!Files.isDirectory(dir)) {
      return stages;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (var file :
          files.filter(f -> f.getFileName().toString().endsWith(".hlog")).sorted().toList()) {
        try (var reader = new HistogramLogReader(file.toFile())) {
          for (var h = reader.nextIntervalHistogram();
              h != null;
              h = reader.nextIntervalHistogram()) {
            var tag = h.getTag();
            if (tag == null
                || !tag.endsWith(":" + valueType)
                || h.getEndTimeStamp() <= measuredFromMillis) {
              continue;
            }
            var stage = tag.substring(0, tag.indexOf(':'));
            if (!rename.containsKey(stage)) {
              continue;
            }
            stages.merge(
                rename.get(stage),
                (Histogram) h,
                (a, b) -> {
                  a.add(b);
                  return a;
                });
          }
        }
      }
    }
    return stages;
  }
}
