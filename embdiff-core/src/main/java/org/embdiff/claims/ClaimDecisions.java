package org.embdiff.claims;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.inference.Decision;
import org.embdiff.inference.Measurement;
import org.embdiff.inference.MultipleComparisons;

/** The bridge from the claims table to {@link Decision#decide}: one rule for every claim. */
public final class ClaimDecisions {
  private ClaimDecisions() {}

  /** The family-wise level the adjusted p-values are held to. */
  public static final double ALPHA = 0.05;

  static Decision decide(Interval naive, Interval controlled, String control, Direction direction, double margin,
      Double adjustedP) {
    org.embdiff.inference.Direction d = switch (direction) {
      case GREATER -> org.embdiff.inference.Direction.GREATER;
      case LESS -> org.embdiff.inference.Direction.LESS;
      case DIFFERENT -> org.embdiff.inference.Direction.EITHER;
    };
    Measurement n = measurement(naive, "none");
    Measurement c = controlled == null ? null : measurement(controlled, control == null ? "control" : control);
    return Decision.decide(d, margin, 0, n, c, adjustedP == null ? Double.NaN : adjustedP, ALPHA);
  }

  private static Measurement measurement(Interval i, String control) {
    if (Double.isNaN(i.lo()) || Double.isNaN(i.hi()) || Double.isNaN(i.estimate())) {
      return Measurement.missing(control, "the interval could not be computed");
    }
    return new Measurement(toInference(i), 0, control, null);
  }

  /** The interval as {@link org.embdiff.inference.Interval}, widened to its estimate if it misses it. */
  static org.embdiff.inference.Interval toInference(Interval i) {
    double lo = Math.min(i.lo(), i.estimate());
    double hi = Math.max(i.hi(), i.estimate());
    String method = lo < i.lo() || hi > i.hi() ? i.method() + ", widened to contain the estimate" : i.method();
    return new org.embdiff.inference.Interval(i.estimate(), lo, hi, i.level(), method == null ? "interval" : method);
  }

  /** Holm-adjusts the table's p-values (family: every measured claim) and re-decides each claim. */
  public static List<Claim> holmAdjusted(List<Claim> claims) {
    double[] p = claims.stream().mapToDouble(Claim::pForAdjustment).toArray();
    double[] adjusted = MultipleComparisons.holm(p);
    List<Claim> out = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      out.add(Double.isNaN(adjusted[i]) ? claims.get(i) : claims.get(i).withAdjustedP(adjusted[i]));
    }
    return List.copyOf(out);
  }
}
