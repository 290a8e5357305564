package dev.sightline.exporter.latency;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Test helper: every interval a {@link StageRecorders} hands over, copied, keyed {@code
 * <stage>:<VALUE_TYPE>}.
 */
final class Intervals {

  private Intervals() {}

  static Map<String, Histogram> take(StageRecorders recorders) {
    var taken = new TreeMap<String, Histogram>();
    recorders.takeIntervals(
        (stage, type, interval) -> taken.put(HlogFile.tag(stage, type), interval.copy()));
    return taken;
  }
}
