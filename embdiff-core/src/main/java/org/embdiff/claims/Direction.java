package org.embdiff.claims;

/** The direction a claim states for a difference (B - A, or a statistic against 0). */
public enum Direction {
  /** The difference is claimed positive. */
  GREATER,
  /** The difference is claimed negative. */
  LESS,
  /** The difference is claimed non-zero (either sign). */
  DIFFERENT
}
