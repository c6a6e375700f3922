package org.embdiff.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClaimsBuilderTest {
  private static final ClaimsBuilder BUILDER = new ClaimsBuilder(new ClaimSettings(1000, 1000, 0.95, 9));

  private static Map<String, Claim> byId(List<Claim> claims) {
    return claims.stream().collect(Collectors.toMap(Claim::id, Function.identity()));
  }

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
  void emptyInputsAreNotMeasurableAndNameWhatIsMissing() {
    List<Claim> claims = BUILDER.build(ClaimInputs.empty("wiki", "twitter"));
    assertThat(claims).hasSizeGreaterThanOrEqualTo(13);
    assertThat(claims).allSatisfy(c -> {
      assertThat(c.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
      assertThat(c.missing()).isNotBlank();
    });
    Map<String, Claim> m = byId(claims);
    assertThat(m.get("entropy.b-greater").statement()).startsWith("H_twitter > H_wiki");
    assertThat(m.get("entropy.b-greater").missing()).contains("entropyA");
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
    ClaimInputs in = ClaimInputs.builder("wiki", "twitter")
        .zipfAlpha(SideEstimate.of(1.00, 0.98, 1.02, 0.95), SideEstimate.of(1.01, 0.99, 1.03, 0.95))
        .entropy(SideEstimate.of(10.0, 9.9, 10.1, 0.95), SideEstimate.of(11.0, 10.9, 11.1, 0.95))
        .effectiveRank(SideEstimate.of(80, 78, 82, 0.95), SideEstimate.of(60, 58, 62, 0.95))
        .domainShift(domain, control)
        .analogyErrors(epsA, epsB)
        .shifts(control, null)
        .build();
    Map<String, Claim> m = byId(BUILDER.build(in));
    assertThat(m.get("zipf.alpha.differs").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(m.get("entropy.b-greater").verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(m.get("entropy.b-greater").difference().estimate()).isEqualTo(1.0);
    assertThat(m.get("spectrum.effective-rank.b-greater").verdict()).isEqualTo(Verdict.CONTRADICTED);
    Claim shift = m.get("shift.domain-words");
    assertThat(shift.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(shift.pValue()).isLessThan(0.01);
    assertThat(shift.difference().lo()).isGreaterThan(0.2);
    Claim eps = m.get("analogy.eps.b-greater");
    assertThat(eps.verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(eps.pValue()).isLessThan(0.001);
    Claim mean = m.get("shift.mean");
    assertThat(mean.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(mean.valueA()).isBetween(0.48, 0.52);
    assertThat(mean.missing()).contains("shiftNull");
    assertThat(m.get("mi.concentrated").verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    String table = ClaimsText.render(BUILDER.build(in));
    assertThat(table).containsPattern("SUPPORTED +entropy.b-greater").contains("not measurable");
  }

  @Test
  void replicatesGiveTheDifferenceIntervalDirectly() {
    double[] ra = new double[200];
    double[] rb = new double[200];
    for (int i = 0; i < 200; i++) {
      ra[i] = 1.0 + i * 0.001;
      rb[i] = 1.5 + i * 0.001;
    }
    ClaimInputs in = ClaimInputs.builder("wiki", "twitter")
        .zipfAlpha(new SideEstimate(1.1, 1.0, 1.2, 0.95, ra), new SideEstimate(1.6, 1.5, 1.7, 0.95, rb))
        .build();
    Claim c = byId(BUILDER.build(in)).get("zipf.alpha.differs");
    assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(c.difference().lo()).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(c.test()).contains("replicate");
  }
}
