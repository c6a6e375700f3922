package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;

/** Binning of a result's values for charts (a view of the data; no statistics). */
final class ViewMath {
  private ViewMath() {}

  /**
   * Histograms of several samples on shared bins over their pooled range: one list of
   * [bin centre, share of the sample] points per sample.
   */
  static List<List<double[]>> histograms(List<double[]> samples, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] s : samples) {
      for (double v : s) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    List<List<double[]>> out = new ArrayList<>();
    if (!(hi >= lo)) {
      samples.forEach(s -> out.add(List.of()));
      return out;
    }
    double width = hi > lo ? (hi - lo) / bins : 1;
    for (double[] s : samples) {
      long[] counts = new long[bins];
      long n = 0;
      for (double v : s) {
        if (Double.isFinite(v)) {
          counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
          n++;
        }
      }
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < bins; i++) {
        points.add(new double[] {lo + (i + 0.5) * width, n == 0 ? 0 : (double) counts[i] / n});
      }
      out.add(points);
    }
    return out;
  }
}
