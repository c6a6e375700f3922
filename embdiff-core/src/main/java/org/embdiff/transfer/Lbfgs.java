package org.embdiff.transfer;

/**
 * Limited-memory BFGS for a smooth function of many variables (Nocedal &amp; Wright, "Numerical
 * Optimization", 2nd ed. 2006, ch. 7: Algorithm 7.4, the two-loop recursion, and Algorithm 7.5;
 * Nocedal 1980). The step length comes from a backtracking line search on the sufficient-decrease
 * (Armijo) condition (N&amp;W Algorithm 3.1); a curvature pair is stored only when s^T y &gt; 0, which
 * keeps the implicit inverse Hessian positive definite. Meant for the strictly convex objectives of
 * this package, where the Armijo search alone converges.
 */
final class Lbfgs {
  /** f(x), with its gradient written into {@code gradient}. */
  interface Objective {
    double evaluate(double[] x, double[] gradient);
  }

  /**
   * The minimiser found and how it was reached.
   *
   * @param x the final point
   * @param value f(x)
   * @param gradientNorm ||grad f(x)||_2
   * @param iterations accepted steps
   * @param evaluations calls of the objective
   * @param converged whether the gradient test passed (else the step or iteration limit stopped it)
   */
  record Result(double[] x, double value, double gradientNorm, int iterations, int evaluations, boolean converged) {}

  private static final double ARMIJO = 1e-4;
  private static final double BACKTRACK = 0.5;
  private static final int MAX_BACKTRACKS = 40;

  private final int memory;
  private final int maxIterations;

  /**
   * @param memory curvature pairs kept (N&amp;W suggest 3..20; 10 here)
   * @param maxIterations limit on accepted steps
   */
  Lbfgs(int memory, int maxIterations) {
    if (memory < 1 || maxIterations < 1) {
      throw new IllegalArgumentException("memory and maxIterations must be >= 1, got " + memory + ", " + maxIterations);
    }
    this.memory = memory;
    this.maxIterations = maxIterations;
  }

  /**
   * Minimises {@code f} from {@code start} (not modified) until ||grad f||_2 &lt;= {@code gradientTolerance}.
   */
  Result minimize(Objective f, double[] start, double gradientTolerance) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.evaluate(x, g);
    int evaluations = 1;
    double[][] s = new double[memory][n];
    double[][] y = new double[memory][n];
    double[] rho = new double[memory];
    double[] alpha = new double[memory];
    double[] d = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    int stored = 0;
    int newest = -1;
    double gNorm = norm(g);
    int iteration = 0;
    while (gNorm > gradientTolerance && iteration < maxIterations) {
      // two-loop recursion: d = -H g (N&W Algorithm 7.4)
      System.arraycopy(g, 0, d, 0, n);
      for (int m = 0; m < stored; m++) {
        int i = Math.floorMod(newest - m, memory);
        alpha[i] = rho[i] * dot(s[i], d);
        axpy(-alpha[i], y[i], d);
      }
      // initial Hessian scaling gamma = s^T y / y^T y (N&W eq. 7.20); without pairs a unit step in the infinity norm
      double gamma = stored > 0 ? 1.0 / (rho[newest] * dot(y[newest], y[newest])) : 1.0 / Math.max(1e-12, maxAbs(g));
      for (int k = 0; k < n; k++) {
        d[k] *= gamma;
      }
      for (int m = stored - 1; m >= 0; m--) {
        int i = Math.floorMod(newest - m, memory);
        double beta = rho[i] * dot(y[i], d);
        axpy(alpha[i] - beta, s[i], d);
      }
      for (int k = 0; k < n; k++) {
        d[k] = -d[k];
      }
      double slope = dot(g, d);
      if (!(slope < 0)) {
        // lost descent through rounding: restart from steepest descent
        stored = 0;
        for (int k = 0; k < n; k++) {
          d[k] = -g[k] / Math.max(1e-12, maxAbs(g));
        }
        slope = dot(g, d);
      }
      double step = 1;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int b = 0; b < MAX_BACKTRACKS; b++) {
        for (int k = 0; k < n; k++) {
          xNew[k] = x[k] + step * d[k];
        }
        fNew = f.evaluate(xNew, gNew);
        evaluations++;
        if (fNew <= fx + ARMIJO * step * slope) {
          accepted = true;
          break;
        }
        step *= BACKTRACK;
      }
      if (!accepted) {
        break;
      }
      int slot = (newest + 1) % memory;
      double sy = 0;
      for (int k = 0; k < n; k++) {
        s[slot][k] = xNew[k] - x[k];
        y[slot][k] = gNew[k] - g[k];
        sy += s[slot][k] * y[slot][k];
      }
      if (sy > 0) {
        rho[slot] = 1 / sy;
        newest = slot;
        stored = Math.min(stored + 1, memory);
      }
      double[] t = x;
      x = xNew;
      xNew = t;
      t = g;
      g = gNew;
      gNew = t;
      double decrease = fx - fNew;
      fx = fNew;
      gNorm = norm(g);
      iteration++;
      if (decrease <= 1e-15 * Math.max(1, Math.abs(fx))) {
        // no representable progress left
        break;
      }
    }
    return new Result(x, fx, gNorm, iteration, evaluations, gNorm <= gradientTolerance);
  }

  static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double a : v) {
      m = Math.max(m, Math.abs(a));
    }
    return m;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int k = 0; k < x.length; k++) {
      y[k] += a * x[k];
    }
  }
}
