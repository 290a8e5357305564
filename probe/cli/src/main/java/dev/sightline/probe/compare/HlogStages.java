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
 * stage, the intervals of one value type from every partition that start at or after the measured
 * part of the run.
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
                || h.getStartTimeStamp() < measuredFromMillis) {
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
