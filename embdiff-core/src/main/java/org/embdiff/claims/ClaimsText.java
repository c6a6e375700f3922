package org.embdiff.claims;

import java.util.List;
import java.util.Locale;

/** Renders claims as a plain-text table: a pure function of the records, no statistics here. */
public final class ClaimsText {
  private ClaimsText() {}

  /** The table, one block of two or three lines per claim. */
  public static String render(List<Claim> claims) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-15s %-52s %10s %10s  %-34s %s%n", "VERDICT", "CLAIM", "A", "B",
        "DIFFERENCE [CI]", "p"));
    for (Claim c : claims) {
      String ci = c.difference() == null ? "-"
          : String.format(Locale.ROOT, "%s [%s, %s]", num(c.difference().estimate()), num(c.difference().lo()),
              num(c.difference().hi()));
      sb.append(String.format(Locale.ROOT, "%-15s %-52s %10s %10s  %-34s %s%n", c.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.id(), num(c.valueA()),
          num(c.valueB()), ci, pValue(c.pValue())));
      sb.append("    ").append(c.statement()).append('\n');
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
    sb.append(String.format(Locale.ROOT, "%d claims: %d supported, %d contradicted, %d inconclusive, %d not measurable%n",
        claims.size(), counts[0], counts[1], counts[2], counts[3]));
    return sb.toString();
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
