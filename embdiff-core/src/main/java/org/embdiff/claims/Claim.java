package org.embdiff.claims;

/**
 * One claim of the source document with its measured evidence and computed verdict.
 *
 * @param id stable id ("entropy.b-greater")
 * @param statement the claim in words, with the side names ("H_twitter > H_wiki")
 * @param sideA name of side A
 * @param sideB name of side B
 * @param valueA the measured value on side A (or of the first group), null when not measurable
 * @param valueB the measured value on side B (or of the second group), null when not measurable
 * @param difference the tested quantity (usually B - A) with its interval, null when not measurable
 * @param test the procedure that produced the interval and p-value, named
 * @param pValue a p-value when the test gives one, else null
 * @param direction the direction the claim states for {@code difference}
 * @param verdict the computed verdict
 * @param missing the missing input, named, when the verdict is NOT_MEASURABLE
 * @param note anything a reader needs to interpret the numbers
 * @param controlled the same quantity under the claim's control (null when it has none)
 * @param control what the control does, in words (null when none)
 * @param margin the smallest difference of interest
 * @param adjustedP the Holm-adjusted p-value across the claims table (null until adjusted)
 * @param naiveVerdict the verdict of {@code difference} alone
 * @param reason why the verdict is what it is: interval vs margin band, which control decided
 */
public record Claim(String id, String statement, String sideA, String sideB, Double valueA, Double valueB,
    Interval difference, String test, Double pValue, Direction direction, Verdict verdict, String missing, String note,
    Interval controlled, String control, double margin, Double adjustedP, Verdict naiveVerdict, String reason) {

  /** Re-decides every measured claim with {@link org.embdiff.inference.Decision#decide}, the one rule. */
  public Claim {
    if (verdict != Verdict.NOT_MEASURABLE && difference != null) {
      org.embdiff.inference.Decision d = ClaimDecisions.decide(difference, controlled, control, direction, margin,
          adjustedP);
      verdict = Verdict.valueOf(d.verdict().name());
      naiveVerdict = Verdict.valueOf(d.naive().name());
      reason = d.reason();
    } else {
      naiveVerdict = verdict;
      reason = reason == null ? missing : reason;
    }
  }

  /** A claim with the default margin of its id, no control and no adjustment. */
  public Claim(String id, String statement, String sideA, String sideB, Double valueA, Double valueB,
      Interval difference, String test, Double pValue, Direction direction, Verdict verdict, String missing, String note) {
    this(id, statement, sideA, sideB, valueA, valueB, difference, test, pValue, direction, verdict, missing, note, null,
        null, Margins.forId(id), null, null, null);
  }

  /** The same claim with the controlled analysis {@code interval} under {@code controlName}, re-decided. */
  public Claim withControl(Interval interval, String controlName) {
    return new Claim(id, statement, sideA, sideB, valueA, valueB, difference, test, pValue, direction, verdict, missing,
        note, interval, controlName, margin, adjustedP, null, null);
  }

  /** The same claim with another margin, re-decided. */
  public Claim withMargin(double m) {
    return new Claim(id, statement, sideA, sideB, valueA, valueB, difference, test, pValue, direction, verdict, missing,
        note, controlled, control, m, adjustedP, null, null);
  }

  /** The same claim with a family-wise adjusted p, re-decided. */
  public Claim withAdjustedP(Double p) {
    return new Claim(id, statement, sideA, sideB, valueA, valueB, difference, test, pValue, direction, verdict, missing,
        note, controlled, control, margin, p, null, null);
  }

  /** The p-value the table adjusts: the test's own, else one read off the deciding interval (normal). */
  public double pForAdjustment() {
    if (verdict == Verdict.NOT_MEASURABLE || difference == null) {
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
