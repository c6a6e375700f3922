package org.embdiff.claims;

import java.util.List;
import java.util.Locale;

/** Renders claims as a plain-text table: a pure function of the records, no statistics here. */
public final class ClaimsText {
  private ClaimsText() {}

  /** The table: per claim a line with verdict, id and the control that changed the verdict, then its evidence. */
  public static String render(List<Claim> claims) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-15s %-52s %s%n", "VERDICT", "CLAIM", "CHANGED BY"));
    for (Claim c : claims) {
      sb.append(String.format(Locale.ROOT, "%-15s %-52s %s%n", label(c.verdict()), c.id(), c.changedBy()));
      sb.append("    ").append(c.statement()).append('\n');
      if (c.valueA() != null || c.valueB() != null) {
        sb.append("    ").append(c.labelA()).append(": ").append(num(c.valueA())).append("; ").append(c.labelB())
            .append(": ").append(num(c.valueB())).append('\n');
      }
      if (c.difference() != null) {
        sb.append("    naive ").append(interval(c.difference()));
        if (c.missing() == null) {
          sb.append(' ').append(label(c.naiveVerdict()));
        }
        sb.append('\n');
      }
      if (c.controlled() != null) {
        sb.append("    controlled ").append(interval(c.controlled())).append(' ').append(label(c.controlledVerdict()))
            .append(" (").append(c.control()).append(")\n");
      }
      if (c.difference() != null && c.missing() == null) {
        sb.append(String.format(Locale.ROOT, "    margin +-%s (%s)", num(c.margin()),
            c.marginOverridden() ? "set by the user" : "default"));
        sb.append(c.adjustedP() == null ? "" : "; Holm-adjusted p " + pValue(c.adjustedP()));
        sb.append(c.pValue() == null ? "" : "; test p " + pValue(c.pValue())).append('\n');
        sb.append("    why: ").append(c.reason()).append('\n');
      }
      if (c.missing() != null) {
        sb.append("    missing: ").append(c.missing()).append('\n');
      }
      if (c.test() != null) {
        sb.append("    test: ").append(c.test()).append('\n');
      }
      if (c.note() != null) {
        sb.append("    note: ").append(c.note()).append('\n');
      }
    }
    long[] counts = new long[Verdict.values().length];
    claims.forEach(c -> counts[c.verdict().ordinal()]++);
    sb.append(String.format(Locale.ROOT, "%d claims: %d supported, %d contradicted, %d no difference, %d inconclusive, "
        + "%d confounded, %d not measurable%n", claims.size(), counts[Verdict.SUPPORTED.ordinal()],
        counts[Verdict.CONTRADICTED.ordinal()], counts[Verdict.NO_DIFFERENCE.ordinal()],
        counts[Verdict.INCONCLUSIVE.ordinal()], counts[Verdict.CONFOUNDED.ordinal()],
        counts[Verdict.NOT_MEASURABLE.ordinal()]));
    return sb.toString();
  }

  private static String interval(Interval i) {
    return String.format(Locale.ROOT, "%s [%s, %s]", num(i.estimate()), num(i.lo()), num(i.hi()));
  }

  private static String label(Verdict v) {
    return v == null ? "-" : v.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String pValue(Double p) {
    if (p == null) {
      return "";
    }
    // the normal approximation underflows far below any meaningful p
    return p < 1e-16 ? "<1e-16" : String.format(Locale.ROOT, "%.3g", p);
  }

  private static String num(Double v) {
    if (v == null) {
      return "-";
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
  }
}
