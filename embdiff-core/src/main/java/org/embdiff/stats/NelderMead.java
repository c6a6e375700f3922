package org.embdiff.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/** Nelder &amp; Mead (1965) simplex minimisation with the standard coefficients (1, 2, 1/2, 1/2). */
final class NelderMead {
  private NelderMead() {}

  /** The minimiser of {@code f} from {@code start} with initial steps {@code step}. */
  static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double[] step, int maxEvaluations,
      double tolerance) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      simplex[i + 1] = start.clone();
      simplex[i + 1][i] += step[i];
    }
    for (int i = 0; i <= n; i++) {
      values[i] = value(f, simplex[i]);
    }
    int evaluations = n + 1;
    Integer[] order = new Integer[n + 1];
    while (evaluations < maxEvaluations) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      double[] vals = values;
      Arrays.sort(order, Comparator.comparingDouble(i -> vals[i]));
      int best = order[0];
      int worst = order[n];
      int second = order[n - 1];
      if (Math.abs(values[worst] - values[best]) <= tolerance * (Math.abs(values[best]) + tolerance)) {
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i <= n; i++) {
        if (i != worst) {
          for (int k = 0; k < n; k++) {
            centroid[k] += simplex[i][k] / n;
          }
        }
      }
      double[] reflected = towards(centroid, simplex[worst], -1);
      double fr = value(f, reflected);
      evaluations++;
      if (fr < values[best]) {
        double[] expanded = towards(centroid, simplex[worst], -2);
        double fe = value(f, expanded);
        evaluations++;
        if (fe < fr) {
          simplex[worst] = expanded;
          values[worst] = fe;
        } else {
          simplex[worst] = reflected;
          values[worst] = fr;
        }
      } else if (fr < values[second]) {
        simplex[worst] = reflected;
        values[worst] = fr;
      } else {
        double[] contracted = fr < values[worst] ? towards(centroid, reflected, 0.5) : towards(centroid, simplex[worst], 0.5);
        double fc = value(f, contracted);
        evaluations++;
        if (fc < Math.min(fr, values[worst])) {
          simplex[worst] = contracted;
          values[worst] = fc;
        } else {
          for (int i = 0; i <= n; i++) {
            if (i != best) {
              simplex[i] = towards(simplex[best], simplex[i], 0.5);
              values[i] = value(f, simplex[i]);
              evaluations++;
            }
          }
        }
      }
    }
    int arg = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[arg]) {
        arg = i;
      }
    }
    return simplex[arg];
  }

  // centre + t (point - centre)
  private static double[] towards(double[] centre, double[] point, double t) {
    double[] out = new double[centre.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = centre[k] + t * (point[k] - centre[k]);
    }
    return out;
  }

  private static double value(ToDoubleFunction<double[]> f, double[] x) {
    double v = f.applyAsDouble(x);
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
