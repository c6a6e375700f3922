package org.embdiff.inference;

/** What the evidence says about a claim. */
public enum Verdict {
  /** The interval lies beyond +margin in the claimed direction. */
  SUPPORTED("supported"),
  /** The interval lies beyond the margin on the other side. */
  CONTRADICTED("contradicted"),
  /** The interval lies inside [-margin, +margin] (two one-sided tests). */
  NO_DIFFERENCE("no difference"),
  /** The interval straddles a margin boundary, or the adjusted p is too large. */
  INCONCLUSIVE("inconclusive"),
  /** The naive and the controlled analyses disagree; the controlled one decides. */
  CONFOUNDED("confounded"),
  /** An input is missing or too small. */
  NOT_MEASURABLE("not measurable");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The word in reports. */
  public String label() {
    return label;
  }

  /** Whether this verdict says there is evidence of a difference (supported or contradicted). */
  public boolean isDifference() {
    return this == SUPPORTED || this == CONTRADICTED;
  }
}
