package org.embdiff.eval;

import java.util.List;

/**
 * The outcome of an analogy evaluation, gensim-compatible: a question with a word outside the
 * restricted vocabulary is skipped (not counted), accuracy = correct / answered per section and in
 * total.
 *
 * @param benchmark analogy file name
 * @param settings the settings used
 * @param candidates rows that could answer (min(restrictVocab, vocabulary size))
 * @param questions questions in the file
 * @param answered questions whose four words are all in the restricted vocabulary
 * @param correct answered questions whose best candidate was the expected word
 * @param accuracy correct / answered (0 when nothing was answered, as gensim)
 * @param coverage answered / questions
 * @param sections per-section accuracy in file order
 * @param epsL2 distribution of eps = ||(w_b - w_a + w_c) - w_d||_2 on unit vectors over answered questions
 * @param epsCosine distribution of 1 - cos(w_b - w_a + w_c, w_d)
 * @param rank distribution of the rank of the expected word among the candidates (1 = best)
 * @param outcomes one entry per answered question, in file order
 */
public record AnalogyResult(String benchmark, AnalogySettings settings, int candidates, int questions, int answered,
    int correct, double accuracy, double coverage, List<SectionAccuracy> sections, Summary epsL2, Summary epsCosine,
    Summary rank, List<AnalogyOutcome> outcomes) {

  /** Copies the lists. */
  public AnalogyResult {
    sections = List.copyOf(sections);
    outcomes = List.copyOf(outcomes);
  }

  /** Accuracy of one section. */
  public record SectionAccuracy(String section, int questions, int answered, int correct, double accuracy) {}

  /**
   * One answered question. In the file's notation {@code a : b :: c : d}; the offset vector is
   * {@code b - a + c} (SPEC 6 writes it with a and b swapped: Paris - France + Germany ~ Berlin).
   *
   * @param line 1-based line in the analogy file (identifies the question across spaces)
   * @param predicted the answer given (the best candidate that is not a question word)
   * @param rank rank of the expected word among candidates, question words excluded (1 = best;
   *     -1 when the expected word is itself a question word)
   * @param epsL2 ||(w_b - w_a + w_c) - w_d||_2 on unit vectors
   * @param epsCosine 1 - cos(w_b - w_a + w_c, w_d)
   */
  public record AnalogyOutcome(String section, int line, String a, String b, String c, String expected, String predicted,
      boolean correct, int rank, double epsL2, double epsCosine) {}
}
