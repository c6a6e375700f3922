package org.embdiff.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Properties of the claim record every report renders: its two value columns are labelled, the
 * controlled value and verdict are the last control's, and the verdict is changed only by a named
 * control, which {@code changedBy} names.
 */
class ClaimRecordTest {
  private static final List<String> CONTROL_NAMES = Arrays.stream(Control.values()).map(Control::label).toList();

  @Property(tries = 400)
  void aChangedVerdictNamesTheControlThatChangedIt(@ForAll("claims") Claim c) {
    assertThat(c.labelA()).isNotBlank();
    assertThat(c.labelB()).isNotBlank();
    if (c.controls().isEmpty()) {
      assertThat(c.controlled()).isNull();
      assertThat(c.controlledVerdict()).isNull();
    } else {
      ControlStep last = c.controls().get(c.controls().size() - 1);
      assertThat(c.controlled()).isEqualTo(last.interval());
      assertThat(c.controlledVerdict()).isEqualTo(last.verdict());
      assertThat(c.controls()).allMatch(s -> s.verdict() != null && CONTROL_NAMES.contains(s.name()));
    }
    if (c.verdict() == Verdict.CONFOUNDED) {
      assertThat(c.changedBy()).isNotEqualTo(Claim.NO_CONTROL);
      List<String> stepNames = c.controls().stream().map(ControlStep::name).toList();
      assertThat(c.changedBy().split(" \\+ ")).allMatch(stepNames::contains);
      // equal verdicts are confounded only when a claim of any difference is supported on opposite sides
      if (c.naiveVerdict() == c.controlledVerdict()) {
        assertThat(c.direction()).isEqualTo(Direction.DIFFERENT);
        assertThat(c.naiveVerdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(c.difference().lo() > c.margin()).isNotEqualTo(c.controlled().lo() > c.margin());
      }
    }
    assertThat(c.changedBy().equals(Claim.NO_CONTROL)).isEqualTo(c.verdict() == c.naiveVerdict());
  }

  @Property(tries = 400)
  void noVerdictRestsOnADifferenceInsideItsMargin(@ForAll("claims") Claim c) {
    Interval deciding = c.controlled() != null ? c.controlled() : c.difference();
    double lo = c.direction() == Direction.LESS ? -deciding.hi() : deciding.lo();
    double hi = c.direction() == Direction.LESS ? -deciding.lo() : deciding.hi();
    if (c.verdict() == Verdict.SUPPORTED || c.verdict() == Verdict.CONTRADICTED) {
      assertThat(lo > c.margin() || hi < -c.margin()).as("%s decided on %s with margin %s", c.verdict(), deciding,
          c.margin()).isTrue();
    }
    if (c.verdict() == Verdict.NO_DIFFERENCE) {
      assertThat(lo >= -c.margin() && hi <= c.margin()).isTrue();
    }
  }

  @Test
  void aFlippingControlIsNamedAndLaterAgreeingControlsAreNot() {
    Claim naive = Claim.measured("shift.domain-words", "s", "wiki", "twitter", 0.9, 0.8,
        new Interval(0.1, 0.05, 0.15, 0.95, "bootstrap"), "t", null, Direction.GREATER, null)
        .withLabels("domain words", "random control words");
    assertThat(naive.verdict()).isEqualTo(Verdict.SUPPORTED);
    Claim matched = naive.withControl(Control.FREQUENCY_MATCHING, "nearest rank", new Interval(0.0, -0.05, 0.05, 0.95, "b"));
    Claim both = matched.withControl(Control.COMMON_DIMENSION, "25d", new Interval(0.01, -0.04, 0.06, 0.95, "b"));
    assertThat(both.verdict()).isEqualTo(Verdict.CONFOUNDED);
    assertThat(both.naiveVerdict()).isEqualTo(Verdict.SUPPORTED);
    assertThat(both.controlledVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(both.changedBy()).isEqualTo("frequency matching");
    assertThat(both.labelA()).isEqualTo("domain words");
    assertThat(both.withAdjustedP(0.01).withMargin(0.02, false).changedBy()).isEqualTo("frequency matching");
  }

  @Test
  void overriddenMarginsReplaceTheDefaultByLongestKeyAndAreMarked() {
    Margins m = Margins.withOverrides(Map.of("entropy", 0.3, "transfer.loss-increase.bing-liu", 0.05));
    assertThat(m.of("entropy.b-greater")).isEqualTo(0.3);
    assertThat(m.overridden("entropy.b-greater")).isTrue();
    assertThat(m.of("transfer.loss-increase.bing-liu.wiki-to-twitter")).isEqualTo(0.05);
    assertThat(m.of("transfer.loss-increase.afinn-sign.wiki-to-twitter")).isEqualTo(Margins.forId("transfer.loss-increase"));
    assertThat(m.overridden("transfer.loss-increase.afinn-sign.wiki-to-twitter")).isFalse();
    Claim c = Claim.measured("entropy.b-greater", "s", "wiki", "twitter", 10, 10.2, new Interval(0.2, 0.15, 0.25, 0.95, "b"),
        "t", null, Direction.GREATER, null);
    assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
    Claim set = m.apply(List.of(c)).get(0);
    assertThat(set.margin()).isEqualTo(0.3);
    assertThat(set.marginOverridden()).isTrue();
    assertThat(set.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(m.used()).anyMatch(u -> u.key().equals("entropy") && u.overridden() && u.value() == 0.3)
        .anyMatch(u -> u.key().equals("zipf.alpha") && !u.overridden())
        .anyMatch(u -> u.key().equals("transfer.loss-increase.bing-liu") && u.overridden());
    assertThat(Margins.DEFAULTS).allMatch(d -> !d.reason().isBlank() && d.value() >= 0);
    assertThatThrownBy(() -> Margins.withOverrides(Map.of("entropie", 0.1))).hasMessageContaining("entropie");
    assertThatThrownBy(() -> Margins.withOverrides(Map.of("entropy", -1.0))).hasMessageContaining(">= 0");
  }

  @Provide
  Arbitrary<Claim> claims() {
    Arbitrary<Interval> intervals = Combinators.combine(Arbitraries.doubles().between(-1, 1),
        Arbitraries.doubles().between(0, 0.5), Arbitraries.doubles().between(0, 0.5))
        .as((e, down, up) -> new Interval(e, e - down, e + up, 0.95, "generated"));
    Arbitrary<ControlStep> steps = Combinators.combine(Arbitraries.of(Control.class), intervals)
        .as((k, i) -> ControlStep.of(k, null, i));
    return Combinators.combine(intervals, steps.list().ofMaxSize(3), Arbitraries.of(Direction.class),
        Arbitraries.doubles().between(0, 0.3), Arbitraries.of("", "domain words"),
        Arbitraries.doubles().between(0, 1).injectNull(0.3))
        .as((d, s, dir, margin, label, p) -> {
          Claim c = new Claim("x.claim", "s", "wiki", "twitter", 1.0, 2.0, d, "t", null, dir, Verdict.INCONCLUSIVE, null,
              null).withLabels(label, null).withMargin(margin, false).withAdjustedP(p);
          for (ControlStep step : new ArrayList<>(s)) {
            c = c.withControl(step);
          }
          return c;
        });
  }
}
