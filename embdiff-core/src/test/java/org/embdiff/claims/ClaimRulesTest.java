package org.embdiff.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {
  private static final ClaimRules RULES = new ClaimRules(new ClaimSettings(1000, 1000, 0.95, 9), "wiki", "twitter");

  @Test
  void decisionRule() {
    Interval pos = new Interval(1, 0.5, 1.5, 0.95, "t");
    Interval neg = new Interval(-1, -1.5, -0.5, 0.95, "t");
    Interval zero = new Interval(0.1, -0.5, 0.7, 0.95, "t");
    assertThat(Verdict.decide(pos, Direction.GREATER)).isEqualTo(Verdict.SUPPORTED);
    assertThat(Verdict.decide(neg, Direction.GREATER)).isEqualTo(Verdict.CONTRADICTED);
    assertThat(Verdict.decide(zero, Direction.GREATER)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.decide(neg, Direction.LESS)).isEqualTo(Verdict.SUPPORTED);
    assertThat(Verdict.decide(pos, Direction.LESS)).isEqualTo(Verdict.CONTRADICTED);
    assertThat(Verdict.decide(neg, Direction.DIFFERENT)).isEqualTo(Verdict.SUPPORTED);
    assertThat(Verdict.decide(zero, Direction.DIFFERENT)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void missingInputsAreNotMeasurableAndNameWhatIsMissing() {
    List<Claim> claims = List.of(
        RULES.sidePair("entropy.b-greater", "H_twitter > H_wiki", null, SideEstimate.of(1, 0, 2, 0.95), Direction.GREATER,
            "entropyA/entropyB"),
        RULES.groups("shift.domain-words", "s", null, new double[] {1, 2}, "domainWordShift", null),
        RULES.paired("analogy.eps.b-greater", "s", new double[] {1}, new double[] {1}, Direction.GREATER, "analogyErrorA"),
        RULES.aboveNull("cooccurrence.js.differs", "s", SideEstimate.of(1, 0, 2, 0.95), null, "cooccurrenceJsNull", null),
        RULES.meanAboveNull("shift.mean", "s", null, null, "shifts", "shiftNull", "Delta-bar"));
    assertThat(claims).allSatisfy(c -> {
      assertThat(c.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
      assertThat(c.missing()).isNotBlank();
    });
    assertThat(claims.get(0).statement()).startsWith("H_twitter > H_wiki");
    assertThat(claims.get(0).missing()).contains("entropyA");
  }

  @Test
  void verdictsFollowTheConstructedEvidence() {
    java.util.Random r = new java.util.Random(1);
    double[] domain = new double[50];
    double[] control = new double[200];
    for (int i = 0; i < domain.length; i++) {
      domain[i] = 0.8 + 0.1 * r.nextGaussian();
    }
    for (int i = 0; i < control.length; i++) {
      control[i] = 0.5 + 0.1 * r.nextGaussian();
    }
    double[] epsA = new double[100];
    double[] epsB = new double[100];
    for (int i = 0; i < epsA.length; i++) {
      epsA[i] = 1 + 0.2 * r.nextGaussian();
      epsB[i] = epsA[i] - 0.1 + 0.05 * r.nextGaussian();
    }
    Claim zipf = RULES.sidePair("zipf.alpha.differs", "s", SideEstimate.of(1.00, 0.98, 1.02, 0.95),
        SideEstimate.of(1.01, 0.99, 1.03, 0.95), Direction.DIFFERENT, "zipf");
    assertThat(zipf.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    Claim entropy = RULES.sidePair("entropy.b-greater", "s", SideEstimate.of(10.0, 9.9, 10.1, 0.95),
        SideEstimate.of(11.0, 10.9, 11.1, 0.95), Direction.GREATER, "entropy");
    assertThat(entropy.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(entropy.difference().estimate()).isEqualTo(1.0);
    assertThat(RULES.sidePair("spectrum.effective-rank.b-greater", "s", SideEstimate.of(80, 78, 82, 0.95),
        SideEstimate.of(60, 58, 62, 0.95), Direction.GREATER, "rank").verdict()).isEqualTo(Verdict.CONTRADICTED);
    Claim shift = RULES.groups("shift.domain-words", "s", domain, control, "shift", null);
    assertThat(shift.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(shift.pValue()).isLessThan(0.01);
    assertThat(shift.difference().lo()).isGreaterThan(0.2);
    Claim eps = RULES.paired("analogy.eps.b-greater", "s", epsA, epsB, Direction.GREATER, "eps");
    assertThat(eps.verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(eps.pValue()).isLessThan(0.001);
    Claim mean = RULES.meanAboveNull("shift.mean", "s", control, null, "shifts", "shiftNull (a null level)", "Delta-bar");
    assertThat(mean.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(mean.valueA()).isBetween(0.48, 0.52);
    assertThat(mean.missing()).contains("shiftNull");
    Claim withNull = RULES.meanAboveNull("shift.mean", "s", control, SideEstimate.of(0.3, 0.29, 0.31, 0.95), "shifts",
        "shiftNull", "Delta-bar");
    assertThat(withNull.verdict()).isEqualTo(Verdict.SUPPORTED);
    String table = ClaimsText.render(List.of(entropy, mean));
    assertThat(table).containsPattern("supported +entropy.b-greater").contains("not measurable");
  }

  @Test
  void replicatesGiveTheDifferenceIntervalDirectly() {
    double[] ra = new double[200];
    double[] rb = new double[200];
    for (int i = 0; i < 200; i++) {
      ra[i] = 1.0 + i * 0.001;
      rb[i] = 1.5 + i * 0.001;
    }
    Claim c = RULES.sidePair("zipf.alpha.differs", "s", new SideEstimate(1.1, 1.0, 1.2, 0.95, ra),
        new SideEstimate(1.6, 1.5, 1.7, 0.95, rb), Direction.DIFFERENT, "zipf");
    assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.difference().lo()).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(c.test()).contains("replicate");
  }
}
