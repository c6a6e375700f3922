package org.embdiff.compare;

/** An input a side can provide. */
public enum Input {
  /** An embedding file ({@code vectors:PATH}). */
  VECTORS("vectors"),
  /** One or more corpus files ({@code corpus:PATH}), counted by the runner. */
  CORPUS("a corpus"),
  /** Word counts: the frequency list when given, else the corpus counts. */
  COUNTS("a corpus or a frequency list");

  private final String description;

  Input(String description) {
    this.description = description;
  }

  /** What the input is, in words ("vectors", "a corpus"). */
  public String description() {
    return description;
  }

  /** Whether {@code side} has this input. */
  public boolean presentIn(Side side) {
    return switch (this) {
      case VECTORS -> side.hasVectors();
      case CORPUS -> side.corpusCounts() != null;
      case COUNTS -> side.hasCounts();
    };
  }
}
