package org.embdiff.inference;

/** A statistic with its own standard-error estimate, for the studentised bootstrap. */
public interface StatisticWithError extends Statistic {
  /** The standard error of {@link #of} on the items {@code items} (e.g. s / sqrt(n) for a mean). */
  double standardError(int[] items);
}
