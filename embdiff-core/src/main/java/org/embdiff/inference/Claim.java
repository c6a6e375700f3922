package org.embdiff.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * A claim about two sides and the verdict its evidence gives. The verdict and reason are always
 * those {@link Decision#decide} computes from the other fields (the constructor checks it), so a claim
 * cannot carry a verdict its numbers do not give.
 *
 * @param id stable identifier
 * @param statement what is claimed, e.g. "Twitter's unigram entropy is lower than Wikipedia's"
 * @param nullHypothesis what would be true if the claim is wrong, in words
 * @param expected the sign of the difference the claim expects
 * @param margin the smallest difference of interest (>= 0): differences inside [-margin, margin] are no evidence
 * @param minimumSize the fewest independent units for a verdict
 * @param naive the naive analysis
 * @param controlled the controlled analysis (null when the claim has no confound to control)
 * @param test the test behind p, e.g. "BCa bootstrap", "Nadeau-Bengio corrected t"
 * @param p the deciding analysis' p-value for the null hypothesis (NaN when none)
 * @param adjustedP p after the family's multiple-comparison adjustment (NaN when none)
 * @param alpha the significance level the adjusted p is held to
 * @param decision the verdict and why
 */
public record Claim(String id, String statement, String nullHypothesis, Direction expected, double margin,
    long minimumSize, Measurement naive, Measurement controlled, String test, double p, double adjustedP, double alpha,
    Decision decision) {

  /** Checks that the decision is the one the fields give. */
  public Claim {
    if (id == null || id.isBlank() || statement == null || nullHypothesis == null || expected == null || naive == null
        || test == null) {
      throw new IllegalArgumentException("claim " + id + " needs an id, statement, null hypothesis, direction, naive "
          + "measurement and test");
    }
    Decision computed = Decision.decide(expected, margin, minimumSize, naive, controlled, adjustedP, alpha);
    if (decision == null) {
      decision = computed;
    } else if (!decision.equals(computed)) {
      throw new IllegalArgumentException("claim " + id + " carries verdict " + decision.verdict().label()
          + " but its evidence gives " + computed.verdict().label() + ": " + computed.reason());
    }
  }

  /** A claim decided from its evidence, unadjusted (adjusted p = p), at alpha = 0.05. */
  public static Claim of(String id, String statement, String nullHypothesis, Direction expected, double margin,
      long minimumSize, Measurement naive, Measurement controlled, String test, double p) {
    return new Claim(id, statement, nullHypothesis, expected, margin, minimumSize, naive, controlled, test, p, p, 0.05,
        null);
  }

  /** The verdict. */
  public Verdict verdict() {
    return decision.verdict();
  }

  /** The same claim with another adjusted p, re-decided. */
  public Claim withAdjustedP(double adjusted) {
    return new Claim(id, statement, nullHypothesis, expected, margin, minimumSize, naive, controlled, test, p, adjusted,
        alpha, null);
  }

  /** The measurement that decides: the controlled one when present. */
  public Measurement deciding() {
    return controlled != null ? controlled : naive;
  }

  /** Holm-adjusts the p-values of a table of claims and re-decides each (NaN p stays NaN and is not counted). */
  public static List<Claim> holmAdjusted(List<Claim> claims) {
    double[] p = claims.stream().mapToDouble(Claim::p).toArray();
    double[] adjusted = MultipleComparisons.holm(p);
    List<Claim> out = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      out.add(claims.get(i).withAdjustedP(adjusted[i]));
    }
    return List.copyOf(out);
  }
}
