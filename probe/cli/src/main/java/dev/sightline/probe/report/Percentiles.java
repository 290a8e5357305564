package dev.sightline.probe.report;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Percentile points of a microsecond histogram, in milliseconds, as HdrHistogram's plotter uses
 * them.
 */
public final class Percentiles {

  /** The percentiles the table reports. */
  public static final double[] TABLE = {50, 90, 99, 99.9};

  /** One point of the distribution: percentile (0–100) and value (ms). */
  public record Point(double percentile, double millis) {}

  private Percentiles() {}

  public static double millis(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1000.0;
  }

  public static double maxMillis(Histogram micros) {
    return micros.getMaxValue() / 1000.0;
  }

  /**
   * The distribution at 5 ticks per half distance to 100 %, up to the last value (HdrHistogram's
   * output).
   */
  public static List<Point> distribution(Histogram micros) {
    var points = new ArrayList<Point>();
    if (micros.getTotalCount() == 0) {
      return points;
    }
    for (var value : micros.percentiles(5)) {
      points.add(
          new Point(value.getPercentileLevelIteratedTo(), value.getValueIteratedTo() / 1000.0));
      if (value.getPercentileLevelIteratedTo() >= 100.0) {
        break;
      }
    }
    return points;
  }
}
