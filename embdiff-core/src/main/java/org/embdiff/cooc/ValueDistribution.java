package org.embdiff.cooc;

/**
 * Streaming summary of the co-occurrence values X_ij, for the power-law exponent of the GloVe
 * paper (Pennington et al. 2014, sec. 3.1: X_ij = k / r_ij^alpha with r_ij the rank of the pair by
 * X; they report alpha ~ 1.25). Bounded memory: a log-binned histogram and sums of logs.
 */
public final class ValueDistribution implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final double BIN = 0.02; // bin width in log10
  private static final double LOW = -4; // log10 of the smallest binned value
  private final long[] bins = new long[(int) ((16 - LOW) / BIN)];
  private long n;
  private long nAboveMin;
  private double sumLogAboveMin;
  private final double xmin;

  /** A summary counting the values at least {@code xmin} in its tail. */
  public ValueDistribution(double xmin) {
    this.xmin = xmin;
  }

  /** Adds one value (positive). */
  public void add(double x) {
    n++;
    int b = (int) ((Math.log10(x) - LOW) / BIN);
    bins[Math.max(0, Math.min(bins.length - 1, b))]++;
    if (x >= xmin) {
      nAboveMin++;
      sumLogAboveMin += Math.log(x / xmin);
    }
  }

  /**
   * alpha by maximum likelihood (Hill estimator of the tail index beta - 1 of P(X >= x), for X >=
   * xmin) converted to the rank exponent: alpha = 1 / (beta - 1) = mean ln(X / xmin).
   */
  public double alphaMle() {
    return nAboveMin == 0 ? Double.NaN : sumLogAboveMin / nAboveMin;
  }

  /** Values at least xmin. */
  public long tailCount() {
    return nAboveMin;
  }

  /**
   * alpha by least squares of ln X on ln rank at the log-spaced bin edges with X >= xmin (the
   * paper's log-log fit; shown for comparison).
   */
  public double alphaLogLog() {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int m = 0;
    long rank = 0;
    for (int b = bins.length - 1; b >= 0; b--) {
      rank += bins[b];
      double edge = Math.pow(10, LOW + b * BIN);
      if (bins[b] == 0 || edge < xmin || rank == 0) {
        continue;
      }
      double x = Math.log(rank);
      double y = Math.log(edge);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      m++;
    }
    if (m < 3) {
      return Double.NaN;
    }
    double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    return -slope;
  }

  /** Adds the values summarised by {@code other} (same xmin), as if added here. */
  public void addAll(ValueDistribution other) {
    if (other.xmin != xmin) {
      throw new IllegalArgumentException("xmin differs: " + other.xmin + " vs " + xmin);
    }
    for (int b = 0; b < bins.length; b++) {
      bins[b] += other.bins[b];
    }
    n += other.n;
    nAboveMin += other.nAboveMin;
    sumLogAboveMin += other.sumLogAboveMin;
  }

  /** Values added. */
  public long count() {
    return n;
  }

  /** The tail threshold. */
  public double xmin() {
    return xmin;
  }
}
