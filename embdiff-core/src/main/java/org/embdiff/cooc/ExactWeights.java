package org.embdiff.cooc;

import java.io.Serializable;
import java.math.BigInteger;

/**
 * Co-occurrence weights as integers, so sums are exact and their order does not matter: with
 * weights 1/d for distances d in 1..window (Pennington et al. 2014, sec. 4.2), L = lcm(1..window)
 * times any X_ij is an integer, the sum of L/d per occurrence. A value is then that integer over L,
 * rounded once to the nearest double. Without distance weighting L = 1 and X_ij is the count.
 *
 * <p>Engines that split a corpus between tasks (Spark) add these integers in any order and still
 * agree bit for bit with each other; a sum of doubles in corpus order (Stanford {@code cooccur}) is
 * within (n - 1) * 2^-53 * X_ij of the value here, for n occurrences.
 */
public final class ExactWeights implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The largest window whose lcm(1..window) stays below 2^37, leaving room for sums up to 2^26 * L. */
  public static final int MAX_WINDOW = 28;

  private final long scale;
  private final long[] weight;

  private ExactWeights(int window, boolean distanceWeighting) {
    if (window < 1 || window > MAX_WINDOW && distanceWeighting) {
      throw new IllegalArgumentException("window must be in 1.." + MAX_WINDOW
          + " for exact distance-weighted sums, got " + window);
    }
    long l = 1;
    if (distanceWeighting) {
      for (int d = 2; d <= window; d++) {
        l = l / BigInteger.valueOf(l).gcd(BigInteger.valueOf(d)).longValue() * d;
      }
    }
    this.scale = l;
    this.weight = new long[window + 1];
    for (int d = 1; d <= window; d++) {
      weight[d] = distanceWeighting ? l / d : 1;
    }
  }

  /** The weights of {@code window} with 1/d weighting or without (every pair adds 1). */
  public static ExactWeights of(int window, boolean distanceWeighting) {
    return new ExactWeights(window, distanceWeighting);
  }

  /** L: the integer that stands for 1.0. */
  public long scale() {
    return scale;
  }

  /** L/d (or 1 without distance weighting) for distance {@code d} in 1..window. */
  public long weight(int d) {
    return weight[d];
  }

  /** The integer sum {@code numerator} as X = numerator / L, correctly rounded to a double. */
  public double value(long numerator) {
    return quotient(numerator, scale);
  }

  /** {@code num / den} rounded once to the nearest double (ties to even), for num >= 0 and den >= 1. */
  static double quotient(long num, long den) {
    if (num < 0 || den < 1) {
      throw new IllegalArgumentException("need num >= 0 and den >= 1, got " + num + " / " + den);
    }
    if (num < 1L << 53 && den < 1L << 53) {
      // both exact as doubles, and IEEE division rounds once
      return (double) num / (double) den;
    }
    // a quotient of 61-62 bits plus a sticky bit, then one rounding in the long-to-double conversion
    int k = 61 - (64 - Long.numberOfLeadingZeros(num)) + (64 - Long.numberOfLeadingZeros(den));
    BigInteger n = BigInteger.valueOf(num);
    BigInteger d = BigInteger.valueOf(den);
    if (k >= 0) {
      n = n.shiftLeft(k);
    } else {
      d = d.shiftLeft(-k);
    }
    BigInteger[] qr = n.divideAndRemainder(d);
    long q = qr[0].longValueExact() | (qr[1].signum() != 0 ? 1 : 0);
    return Math.scalb((double) q, -k);
  }
}
