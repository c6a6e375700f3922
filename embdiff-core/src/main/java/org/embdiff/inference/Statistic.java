package org.embdiff.inference;

/** A statistic of a (re)sample, given as item indices (repeats allowed, order irrelevant). */
@FunctionalInterface
public interface Statistic {
  /** The statistic of the items {@code items}. */
  double of(int[] items);
}
