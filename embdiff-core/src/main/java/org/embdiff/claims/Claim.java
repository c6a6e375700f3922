package org.embdiff.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One claim of the source document with its measured evidence and computed verdict. Every field a
 * report shows is here, so views only render: what the two value columns hold, the naive and the
 * controlled difference with their verdicts, which control changed the verdict, the margin and the
 * Holm-adjusted p.
 *
 * @param id stable id ("entropy.b-greater")
 * @param statement the claim in words, with the side names ("H_twitter > H_wiki")
 * @param sideA name of side A
 * @param sideB name of side B
 * @param labelA what {@code valueA} holds ("wiki", "domain words", "between sides"); never blank
 * @param labelB what {@code valueB} holds ("twitter", "control words", "split-half null"); never blank
 * @param valueA the first value (side A, or the first group), null when not measurable
 * @param valueB the second value (side B, or the comparison group or null level), null when not measurable
 * @param difference the naive value: the tested quantity (usually B - A) with its interval, null when not measurable
 * @param test the procedure that produced the interval and p-value, named
 * @param pValue a p-value when the test gives one, else null
 * @param direction the direction the claim states for {@code difference}
 * @param verdict the deciding verdict (the controlled one when naive and controlled disagree: confounded)
 * @param missing the missing input, named, when the verdict is NOT_MEASURABLE
 * @param note anything a reader needs to interpret the numbers
 * @param controls the controls applied, in order, each with its interval and verdict (empty when none)
 * @param controlled the controlled value: the last control's interval (null when none)
 * @param control every control's detail, joined (null when none)
 * @param margin the smallest difference of interest
 * @param marginOverridden whether {@code margin} was set by the user instead of the default of {@link Margins}
 * @param adjustedP the Holm-adjusted p-value across the claims table (null until adjusted)
 * @param naiveVerdict the verdict of {@code difference} alone
 * @param controlledVerdict the verdict of {@code controlled} alone (null when there is no control)
 * @param changedBy the controls that changed the verdict, joined with " + " ("frequency matching"), or "none"
 * @param reason why the verdict is what it is: interval vs margin band, which control decided
 */
public record Claim(String id, String statement, String sideA, String sideB, String labelA, String labelB, Double valueA,
    Double valueB, Interval difference, String test, Double pValue, Direction direction, Verdict verdict, String missing,
    String note, List<ControlStep> controls, Interval controlled, String control, double margin,
    boolean marginOverridden, Double adjustedP, Verdict naiveVerdict, Verdict controlledVerdict, String changedBy,
    String reason) {

  /** What {@code changedBy} says when no control changed the verdict. */
  public static final String NO_CONTROL = "none";

  /** Re-decides every measured claim with {@link org.embdiff.inference.Decision#decide}, the one rule. */
  public Claim {
    labelA = labelA == null || labelA.isBlank() ? sideA : labelA;
    labelB = labelB == null || labelB.isBlank() ? sideB : labelB;
    controls = controls == null ? List.of() : controls;
    if (difference != null && missing == null) {
      List<ControlStep> decided = new ArrayList<>(controls.size());
      for (ControlStep s : controls) {
        Verdict alone = Verdict.valueOf(ClaimDecisions.decide(s.interval(), null, null, direction, margin, adjustedP)
            .naive().name());
        decided.add(new ControlStep(s.name(), s.detail(), s.interval(), alone));
      }
      controls = List.copyOf(decided);
      ControlStep last = controls.isEmpty() ? null : controls.get(controls.size() - 1);
      controlled = last == null ? null : last.interval();
      control = last == null ? null : controls.stream().map(ControlStep::detail).collect(Collectors.joining(", then "));
      org.embdiff.inference.Decision d = ClaimDecisions.decide(difference, controlled, control, direction, margin,
          adjustedP);
      verdict = Verdict.valueOf(d.verdict().name());
      naiveVerdict = Verdict.valueOf(d.naive().name());
      controlledVerdict = d.controlled() == null ? null : Verdict.valueOf(d.controlled().name());
      reason = d.reason();
      changedBy = changedBy(naiveVerdict, verdict, controls);
    } else {
      controls = List.of();
      controlled = null;
      control = null;
      naiveVerdict = verdict;
      controlledVerdict = null;
      changedBy = NO_CONTROL;
      reason = reason == null ? missing : reason;
    }
    if (labelA == null || labelA.isBlank() || labelB == null || labelB.isBlank()) {
      throw new IllegalArgumentException("claim " + id + " needs labels for its two value columns");
    }
  }

  // the steps whose verdict differs from the one before them, when the deciding verdict is not the naive one
  private static String changedBy(Verdict naive, Verdict deciding, List<ControlStep> steps) {
    if (deciding == naive || steps.isEmpty()) {
      return NO_CONTROL;
    }
    List<String> names = new ArrayList<>();
    Verdict previous = naive;
    for (ControlStep s : steps) {
      if (s.verdict() != previous && !names.contains(s.name())) {
        names.add(s.name());
      }
      previous = s.verdict();
    }
    return names.isEmpty() ? steps.get(steps.size() - 1).name() : String.join(" + ", names);
  }

  /** A claim with the default margin of its id, no control and no adjustment; the value columns hold the sides. */
  public Claim(String id, String statement, String sideA, String sideB, Double valueA, Double valueB,
      Interval difference, String test, Double pValue, Direction direction, Verdict verdict, String missing, String note) {
    this(id, statement, sideA, sideB, sideA, sideB, valueA, valueB, difference, test, pValue, direction, verdict, missing,
        note, List.of(), null, null, Margins.forId(id), false, null, null, null, null, null);
  }

  private Claim with(String la, String lb, List<ControlStep> steps, double m, boolean overridden, Double p) {
    boolean decided = difference != null && missing == null;
    return new Claim(id, statement, sideA, sideB, la, lb, valueA, valueB, difference, test, pValue, direction, verdict,
        missing, note, steps, null, null, m, overridden, p, null, null, null, decided ? null : reason);
  }

  /** The same claim with note {@code text}. */
  public Claim withNote(String text) {
    boolean decided = difference != null && missing == null;
    return new Claim(id, statement, sideA, sideB, labelA, labelB, valueA, valueB, difference, test, pValue, direction,
        verdict, missing, text, controls, null, null, margin, marginOverridden, adjustedP, null, null, null,
        decided ? null : reason);
  }

  /** The same claim with its value columns labelled {@code a} and {@code b}. */
  public Claim withLabels(String a, String b) {
    return with(a, b, controls, margin, marginOverridden, adjustedP);
  }

  /** The same claim with one more control: the difference measured again under {@code kind}, re-decided. */
  public Claim withControl(Control kind, String detail, Interval interval) {
    return withControl(ControlStep.of(kind, detail, interval));
  }

  /** The same claim with one more control step, re-decided. */
  public Claim withControl(ControlStep step) {
    List<ControlStep> steps = new ArrayList<>(controls);
    steps.add(step);
    return with(labelA, labelB, steps, margin, marginOverridden, adjustedP);
  }

  /** The same claim with the default margin replaced by {@code m}, re-decided. */
  public Claim withMargin(double m) {
    return with(labelA, labelB, controls, m, true, adjustedP);
  }

  /** The same claim with margin {@code m}, marked overridden or not, re-decided. */
  public Claim withMargin(double m, boolean overridden) {
    return with(labelA, labelB, controls, m, overridden, adjustedP);
  }

  /** The same claim with a family-wise adjusted p, re-decided. */
  public Claim withAdjustedP(Double p) {
    return with(labelA, labelB, controls, margin, marginOverridden, p);
  }

  /** The naive value: the difference's estimate (null when not measured). */
  public Double naiveValue() {
    return difference == null ? null : difference.estimate();
  }

  /** The controlled value: the last control's estimate (null when none). */
  public Double controlledValue() {
    return controlled == null ? null : controlled.estimate();
  }

  /** The p-value the table adjusts: the test's own, else one read off the deciding interval (normal). */
  public double pForAdjustment() {
    if (verdict == Verdict.NOT_MEASURABLE || difference == null || missing != null) {
      return Double.NaN;
    }
    if (controlled == null && pValue != null && !pValue.isNaN()) {
      return pValue;
    }
    return org.embdiff.inference.Intervals.normalP(ClaimDecisions.toInference(controlled != null ? controlled : difference));
  }

  /** A claim that cannot be measured because {@code missing} is absent. */
  public static Claim notMeasurable(String id, String statement, String sideA, String sideB, Direction direction,
      String missing) {
    return new Claim(id, statement, sideA, sideB, null, null, null, null, null, direction, Verdict.NOT_MEASURABLE,
        missing, null);
  }

  /** A measured claim; the verdict is computed from {@code difference} and {@code direction}. */
  public static Claim measured(String id, String statement, String sideA, String sideB, double valueA, double valueB,
      Interval difference, String test, Double pValue, Direction direction, String note) {
    return new Claim(id, statement, sideA, sideB, valueA, valueB, difference, test, pValue, direction,
        Verdict.decide(difference, direction), null, note);
  }
}
