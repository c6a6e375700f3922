package org.embdiff.inference;

/** The sign a claim expects of its difference. */
public enum Direction {
  /** The claim holds when the difference is above +margin. */
  GREATER,
  /** The claim holds when the difference is below -margin. */
  LESS,
  /** The claim is that there is a difference: it holds when the interval clears the band on either side. */
  EITHER
}
