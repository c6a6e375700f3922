package org.embdiff.inference;

import java.util.Locale;

/**
 * The one rule that turns evidence into a verdict, and its outcome.
 *
 * @param verdict the claim's verdict
 * @param naive the naive analysis' verdict alone
 * @param controlled the controlled analysis' verdict alone (null when there is no control)
 * @param reason why, in words: which interval, which margin, which control decided
 */
public record Decision(Verdict verdict, Verdict naive, Verdict controlled, String reason) {

  /** The verdict that decides: the controlled one when there is one, else the naive one. */
  public Verdict deciding() {
    return controlled != null ? controlled : naive;
  }

  /**
   * Decides. For one measurement: not measurable when missing, below {@code minimumSize} units or not
   * finite; with the interval oriented so that the claim expects a positive difference (for a claim of
   * any difference, whichever side the interval lies on), supported when
   * its lower end exceeds +margin, contradicted when its upper end is below -margin, no difference when it
   * lies inside [-margin, margin] (two one-sided tests at the interval's level, Schuirmann 1987), else
   * inconclusive; a supported or contradicted interval whose adjusted p exceeds alpha is inconclusive
   * (the family-wise control decides). With a controlled measurement, the two verdicts are compared:
   * equal, that verdict; different, confounded, and the controlled verdict is the one reported as deciding.
   * For a claim of any difference, a naive and a controlled interval that both clear the band but on
   * opposite sides are confounded too (the control reverses the direction of the difference), and the
   * controlled one decides the direction.
   */
  public static Decision decide(Direction expected, double margin, long minimumSize, Measurement naive,
      Measurement controlled, double adjustedP, double alpha) {
    if (!(margin >= 0) || Double.isInfinite(margin)) {
      throw new IllegalArgumentException("margin must be finite and >= 0, got " + margin);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    Single n = single(expected, margin, minimumSize, naive, adjustedP, alpha);
    if (controlled == null) {
      return new Decision(n.verdict, n.verdict, null, n.reason);
    }
    Single c = single(expected, margin, minimumSize, controlled, adjustedP, alpha);
    if (expected == Direction.EITHER && n.verdict == Verdict.SUPPORTED && c.verdict == Verdict.SUPPORTED
        && side(naive.interval(), margin) != side(controlled.interval(), margin)) {
      return new Decision(Verdict.CONFOUNDED, n.verdict, c.verdict, "naive " + n.reason + " but "
          + controlled.control() + " gives " + c.reason + ": the two differ in sign, and the controlled one decides "
          + "the direction (" + (side(controlled.interval(), margin) > 0 ? "positive" : "negative") + ")");
    }
    if (c.verdict == n.verdict) {
      return new Decision(n.verdict, n.verdict, c.verdict, "naive and " + controlled.control() + " agree: " + c.reason);
    }
    if (c.verdict == Verdict.NOT_MEASURABLE) {
      return new Decision(Verdict.NOT_MEASURABLE, n.verdict, c.verdict,
          "the control (" + controlled.control() + ") could not be computed: " + c.reason + "; naive alone would be "
              + n.verdict.label());
    }
    if (n.verdict == Verdict.NOT_MEASURABLE) {
      return new Decision(c.verdict, n.verdict, c.verdict, controlled.control() + " decides: " + c.reason
          + " (naive: " + n.reason + ")");
    }
    return new Decision(Verdict.CONFOUNDED, n.verdict, c.verdict, "naive " + n.verdict.label() + " (" + n.reason
        + ") but " + controlled.control() + " gives " + c.verdict.label() + " (" + c.reason + "); the controlled one decides");
  }

  // +1 when the interval lies above +margin, -1 when below -margin (only asked of intervals clear of the band)
  private static int side(Interval i, double margin) {
    return i.lower() > margin ? 1 : -1;
  }

  private record Single(Verdict verdict, String reason) {}

  private static Single single(Direction expected, double margin, long minimumSize, Measurement m, double adjustedP,
      double alpha) {
    if (!m.measured()) {
      return new Single(Verdict.NOT_MEASURABLE, m.missing());
    }
    if (m.size() < minimumSize) {
      return new Single(Verdict.NOT_MEASURABLE, "only " + m.size() + " independent units, at least " + minimumSize
          + " needed");
    }
    Interval i = m.interval();
    if (!Double.isFinite(i.lower()) || !Double.isFinite(i.upper())) {
      return new Single(Verdict.NOT_MEASURABLE, "the interval is not finite");
    }
    Interval oriented = expected == Direction.LESS ? i.negate() : i;
    if (expected == Direction.EITHER && oriented.upper() < -margin) {
      oriented = oriented.negate();
    }
    String band = "[" + fmt(-margin) + ", " + fmt(margin) + "]";
    String where = fmt(i.estimate()) + " [" + fmt(i.lower()) + ", " + fmt(i.upper()) + "]";
    boolean pFails = !Double.isNaN(adjustedP) && adjustedP > alpha;
    if (oriented.lower() > margin || oriented.upper() < -margin) {
      Verdict v = oriented.lower() > margin ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
      if (pFails) {
        return new Single(Verdict.INCONCLUSIVE, where + " clears the margin band " + band + " but the adjusted p "
            + fmt(adjustedP) + " > " + fmt(alpha));
      }
      return new Single(v, where + " lies " + (v == Verdict.SUPPORTED ? "beyond" : "on the other side of")
          + " the margin band " + band);
    }
    if (oriented.lower() >= -margin && oriented.upper() <= margin) {
      return new Single(Verdict.NO_DIFFERENCE, where + " lies inside the margin band " + band);
    }
    return new Single(Verdict.INCONCLUSIVE, where + " overlaps the margin band " + band);
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.4g", x);
  }
}
