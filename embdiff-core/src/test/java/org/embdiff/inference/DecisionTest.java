package org.embdiff.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {
  private static final double MARGIN = 0.05;

  private static Measurement naive(double est, double lo, double hi) {
    return Measurement.naive(new Interval(est, lo, hi, 0.95, "test"), 100);
  }

  private static Measurement controlled(double est, double lo, double hi) {
    return Measurement.controlled(new Interval(est, lo, hi, 0.95, "test"), 100, "common dimension");
  }

  private static Verdict decide(Direction d, Measurement naive, Measurement controlled, double adjustedP) {
    return Decision.decide(d, MARGIN, 30, naive, controlled, adjustedP, 0.05).verdict();
  }

  @Test
  void intervalAgainstTheMarginBandDecides() {
    assertThat(decide(Direction.GREATER, naive(0.2, 0.1, 0.3), null, Double.NaN)).isEqualTo(Verdict.SUPPORTED);
    assertThat(decide(Direction.LESS, naive(0.2, 0.1, 0.3), null, Double.NaN)).isEqualTo(Verdict.CONTRADICTED);
    assertThat(decide(Direction.GREATER, naive(-0.2, -0.3, -0.1), null, Double.NaN)).isEqualTo(Verdict.CONTRADICTED);
    assertThat(decide(Direction.LESS, naive(-0.2, -0.3, -0.1), null, Double.NaN)).isEqualTo(Verdict.SUPPORTED);
    assertThat(decide(Direction.GREATER, naive(0.01, -0.04, 0.049), null, Double.NaN)).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(decide(Direction.GREATER, naive(0.04, 0.01, 0.09), null, Double.NaN)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void aDifferenceSmallerThanTheMarginIsNeverEvidenceHoweverNarrowItsInterval() {
    // the spectrum case: 1.6e-9 with a tiny interval is no difference, not "contradicted"
    assertThat(decide(Direction.LESS, naive(1.6e-9, 1.5e-9, 1.7e-9), null, 1e-30)).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(decide(Direction.GREATER, naive(0.0499, 0.0498, 0.04995), null, 0)).isEqualTo(Verdict.NO_DIFFERENCE);
  }

  @Test
  void aLargeAdjustedPTurnsAClearedBandIntoInconclusive() {
    assertThat(decide(Direction.GREATER, naive(0.2, 0.1, 0.3), null, 0.049)).isEqualTo(Verdict.SUPPORTED);
    assertThat(decide(Direction.GREATER, naive(0.2, 0.1, 0.3), null, 0.2)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void naiveAndControlledDisagreeingIsConfoundedAndTheControlDecides() {
    Decision d = Decision.decide(Direction.GREATER, MARGIN, 30, naive(0.2, 0.1, 0.3), controlled(0.0, -0.02, 0.02),
        Double.NaN, 0.05);
    assertThat(d.verdict()).isEqualTo(Verdict.CONFOUNDED);
    assertThat(d.naive()).isEqualTo(Verdict.SUPPORTED);
    assertThat(d.deciding()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(d.reason()).contains("common dimension");
    assertThat(decide(Direction.GREATER, naive(0.2, 0.1, 0.3), controlled(0.25, 0.15, 0.3), Double.NaN))
        .isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void aDifferenceTheControlReversesIsConfoundedAndTheControlDecidesItsDirection() {
    // a claim of any difference: both intervals clear the band, on opposite sides (the Zipf regime case)
    Decision d = Decision.decide(Direction.EITHER, MARGIN, 30, naive(-0.35, -0.39, -0.31), controlled(0.14, 0.09, 0.19),
        Double.NaN, 0.05);
    assertThat(d.verdict()).isEqualTo(Verdict.CONFOUNDED);
    assertThat(d.naive()).isEqualTo(Verdict.SUPPORTED);
    assertThat(d.deciding()).isEqualTo(Verdict.SUPPORTED);
    assertThat(d.reason()).contains("common dimension").contains("(positive)");
    assertThat(Decision.decide(Direction.EITHER, MARGIN, 30, naive(0.35, 0.31, 0.39), controlled(-0.14, -0.19, -0.09),
        Double.NaN, 0.05).reason()).contains("(negative)");
    // the same sign on both sides stands, however different the sizes
    assertThat(decide(Direction.EITHER, naive(-0.35, -0.39, -0.31), controlled(-0.1, -0.14, -0.06), Double.NaN))
        .isEqualTo(Verdict.SUPPORTED);
    // a directional claim already tells the sides apart: supported against contradicted is a verdict change
    assertThat(decide(Direction.GREATER, naive(-0.35, -0.39, -0.31), controlled(0.14, 0.09, 0.19), Double.NaN))
        .isEqualTo(Verdict.CONFOUNDED);
    // a family-wise p that fails holds both inconclusive: nothing to be confounded about
    assertThat(decide(Direction.EITHER, naive(-0.35, -0.39, -0.31), controlled(0.14, 0.09, 0.19), 0.2))
        .isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void missingInputsAndTooFewUnitsAreNotMeasurableAndSayWhat() {
    Decision missing = Decision.decide(Direction.GREATER, MARGIN, 30,
        Measurement.missing("none", "side B has no frequency list"), null, Double.NaN, 0.05);
    assertThat(missing.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(missing.reason()).isEqualTo("side B has no frequency list");
    Decision small = Decision.decide(Direction.GREATER, MARGIN, 30,
        Measurement.naive(new Interval(0.5, 0.4, 0.6, 0.95, "test"), 12), null, Double.NaN, 0.05);
    assertThat(small.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(small.reason()).contains("only 12").contains("at least 30");
    Decision controlMissing = Decision.decide(Direction.GREATER, MARGIN, 30, naive(0.2, 0.1, 0.3),
        Measurement.missing("frequency-matched controls", "too few words of similar frequency"), Double.NaN, 0.05);
    assertThat(controlMissing.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(controlMissing.reason()).contains("too few words of similar frequency");
  }

  @Test
  void aClaimCannotCarryAVerdictItsEvidenceDoesNotGive() {
    Claim claim = Claim.of("x", "A > B", "A = B", Direction.GREATER, MARGIN, 30, naive(0.2, 0.1, 0.3), null, "test", 0.01);
    assertThat(claim.verdict()).isEqualTo(Verdict.SUPPORTED);
    Decision forged = new Decision(Verdict.CONTRADICTED, Verdict.CONTRADICTED, null, "forged");
    assertThatThrownBy(() -> new Claim("x", "A > B", "A = B", Direction.GREATER, MARGIN, 30, naive(0.2, 0.1, 0.3), null,
        "test", 0.01, 0.01, 0.05, forged)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evidence gives supported");
  }

  @Test
  void holmAdjustmentAcrossTheTableIsUsedByTheVerdicts() {
    List<Claim> table = List.of(
        Claim.of("a", "a", "a0", Direction.GREATER, MARGIN, 30, naive(0.2, 0.1, 0.3), null, "t", 0.01),
        Claim.of("b", "b", "b0", Direction.GREATER, MARGIN, 30, naive(0.2, 0.1, 0.3), null, "t", 0.03),
        Claim.of("c", "c", "c0", Direction.GREATER, MARGIN, 30, naive(0.2, 0.1, 0.3), null, "t", 0.04),
        Claim.of("d", "d", "d0", Direction.GREATER, MARGIN, 30, Measurement.missing("none", "no corpus"), null, "t",
            Double.NaN));
    List<Claim> adjusted = Claim.holmAdjusted(table);
    assertThat(adjusted).extracting(Claim::adjustedP).containsExactly(0.03, 0.06, 0.06, Double.NaN);
    assertThat(adjusted).extracting(Claim::verdict).containsExactly(Verdict.SUPPORTED, Verdict.INCONCLUSIVE,
        Verdict.INCONCLUSIVE, Verdict.NOT_MEASURABLE);
  }

  @Test
  void anIntervalMustContainItsEstimate() {
    assertThatThrownBy(() -> new Interval(1.6e-9, 5.0e-4, 6.2e-3, 0.95, "percentile"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not contain its estimate");
  }
}
