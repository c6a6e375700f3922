package org.embdiff.eval;

/**
 * Settings of an analogy evaluation.
 *
 * @param method 3CosAdd or 3CosMul
 * @param restrictVocab only the first {@code restrictVocab} rows (the most frequent words) are
 *     candidates, and a question with a word outside them is skipped (gensim's default 300,000)
 * @param caseInsensitive upper-case questions and vocabulary; of several casings of a word the
 *     first row (the most frequent) wins, as in gensim
 * @param epsilon the 3CosMul denominator guard (Levy & Goldberg 2014 use 0.001)
 */
public record AnalogySettings(AnalogyMethod method, int restrictVocab, boolean caseInsensitive, double epsilon) {
  /** gensim's default vocabulary restriction. */
  public static final int DEFAULT_RESTRICT = 300_000;

  /** Validates. */
  public AnalogySettings {
    if (method == null) {
      throw new IllegalArgumentException("method must not be null");
    }
    if (restrictVocab < 1) {
      throw new IllegalArgumentException("restrictVocab must be >= 1, got " + restrictVocab);
    }
    if (!(epsilon > 0) || epsilon > 1) {
      throw new IllegalArgumentException("epsilon must be in (0, 1], got " + epsilon);
    }
  }

  /** 3CosAdd, restrict 300,000, case-insensitive (gensim's defaults), epsilon 0.001. */
  public static AnalogySettings defaults() {
    return new AnalogySettings(AnalogyMethod.COS_ADD, DEFAULT_RESTRICT, true, 0.001);
  }

  /** A copy with another method. */
  public AnalogySettings withMethod(AnalogyMethod m) {
    return new AnalogySettings(m, restrictVocab, caseInsensitive, epsilon);
  }

  /** A copy with another restriction. */
  public AnalogySettings withRestrictVocab(int n) {
    return new AnalogySettings(method, n, caseInsensitive, epsilon);
  }

  /** A copy with another case policy. */
  public AnalogySettings withCaseInsensitive(boolean ci) {
    return new AnalogySettings(method, restrictVocab, ci, epsilon);
  }
}
