package org.embdiff.inference;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for a family of tests. NaN entries (tests that could not be run) are left NaN and
 * not counted in the family size m.
 */
public final class MultipleComparisons {
  private MultipleComparisons() {}

  /** Holm (1979) step-down, family-wise error: adj_(i) = max_{j <= i} min(1, (m - j + 1) p_(j)). */
  public static double[] holm(double[] p) {
    Integer[] order = ascending(p);
    int m = order.length;
    double[] adjusted = nanArray(p.length);
    double running = 0;
    for (int i = 0; i < m; i++) {
      running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
      adjusted[order[i]] = running;
    }
    return adjusted;
  }

  /** Benjamini &amp; Hochberg (1995) step-up, false discovery rate: adj_(i) = min_{j >= i} min(1, m p_(j) / j). */
  public static double[] benjaminiHochberg(double[] p) {
    Integer[] order = ascending(p);
    int m = order.length;
    double[] adjusted = nanArray(p.length);
    double running = 1;
    for (int i = m - 1; i >= 0; i--) {
      running = Math.min(running, Math.min(1, m * p[order[i]] / (i + 1)));
      adjusted[order[i]] = running;
    }
    return adjusted;
  }

  private static Integer[] ascending(double[] p) {
    for (double x : p) {
      if (!Double.isNaN(x) && !(x >= 0 && x <= 1)) {
        throw new IllegalArgumentException("p-values must be in [0, 1], got " + x);
      }
    }
    return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
