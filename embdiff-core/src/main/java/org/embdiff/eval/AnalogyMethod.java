package org.embdiff.eval;

/** How an analogy {@code a : b :: c : ?} is answered (Levy & Goldberg 2014). */
public enum AnalogyMethod {
  /** argmax_d cos(d, b) - cos(d, a) + cos(d, c) (Mikolov et al. 2013; gensim's {@code most_similar}). */
  COS_ADD,
  /** argmax_d cos'(d, b) cos'(d, c) / (cos'(d, a) + epsilon) with cos' = (1 + cos) / 2 (Levy & Goldberg 2014, eq. 4). */
  COS_MUL;

  /** The user word: 3cosadd or 3cosmul. */
  @Override
  public String toString() {
    return this == COS_ADD ? "3cosadd" : "3cosmul";
  }
}
