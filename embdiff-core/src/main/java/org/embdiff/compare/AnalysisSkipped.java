package org.embdiff.compare;

/** Thrown by an analysis whose inputs, though present, cannot support it; the message is the reason. */
public final class AnalysisSkipped extends Exception {
  private static final long serialVersionUID = 1L;

  /** A skip with {@code reason}. */
  public AnalysisSkipped(String reason) {
    super(reason);
  }
}
