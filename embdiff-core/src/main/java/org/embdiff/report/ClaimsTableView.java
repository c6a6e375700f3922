package org.embdiff.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embdiff.claims.Claim;
import org.embdiff.claims.Interval;
import org.embdiff.claims.Margins;
import org.embdiff.claims.Verdict;

/** The claims table of a report: one row per claim, every field copied from its record. */
final class ClaimsTableView {
  static final String ID = "claims";
  static final String TITLE = "Claims and verdicts";

  private ClaimsTableView() {}

  static ClaimsView of(List<Claim> claims, String a, String b) {
    List<ClaimRow> rows = new ArrayList<>();
    for (Claim c : claims) {
      rows.add(row(c));
    }
    long measured = rows.stream().filter(r -> !r.verdict().equals("not measurable")).count();
    long confounded = claims.stream().filter(c -> c.verdict() == Verdict.CONFOUNDED).count();
    List<String> notes = new ArrayList<>();
    notes.add(measured + " of " + rows.size() + " claims measured, " + confounded + " confounded. Each row heads its two "
        + "values with what they are; the naive difference is " + b + " \u2212 " + a
        + " for side claims and first \u2212 second otherwise (group minus control, observed minus null).");
    notes.add("Verdict rule: with the interval oriented as the claim states it, supported when it lies beyond +margin, "
        + "contradicted when beyond \u2212margin, no difference when inside [\u2212margin, +margin] (two one-sided tests), "
        + "inconclusive otherwise, and inconclusive too when the Holm-adjusted p exceeds 0.05. A claim with a control is "
        + "decided by the controlled interval; when the naive and controlled verdicts differ it is confounded, and "
        + "\"changed by\" names the control that changed it. A claim of any difference is confounded too when both "
        + "intervals clear the band on opposite sides; the controlled one gives the direction.");
    return new ClaimsView("Each row is a claim about how " + b + " text differs from " + a
        + " text: the two values measured (each headed by what it is), the naive difference with its 95% interval and "
        + "verdict, the same difference under the claim's controls with its verdict, the control that changed the "
        + "verdict, the margin (the smallest difference of interest), the Holm-adjusted p, and the deciding verdict. "
        + "\"not measurable\" names the input that was missing.", rows, margins(claims), notes);
  }

  static ClaimRow row(Claim c) {
    StringBuilder note = new StringBuilder();
    if (c.missing() != null) {
      note.append("missing: ").append(c.missing());
    }
    if (c.pValue() != null && Double.isFinite(c.pValue())) {
      note.append(note.length() > 0 ? "; " : "").append(c.pValue() < 0.001 ? "p < 0.001"
          : String.format(Locale.ROOT, "p = %.3f", c.pValue()));
    }
    if (c.note() != null) {
      note.append(note.length() > 0 ? "; " : "").append(c.note());
    }
    boolean measured = c.difference() != null && c.missing() == null;
    return new ClaimRow(c.id(), c.statement(), c.direction() == null ? null : c.direction().name().toLowerCase(Locale.ROOT),
        c.labelA(), c.labelB(), c.valueA() == null ? Cell.EMPTY : Cell.of(c.valueA()),
        c.valueB() == null ? Cell.EMPTY : Cell.of(c.valueB()), cell(c.difference()),
        measured ? label(c.naiveVerdict()) : null, c.controlled() == null ? null : cell(c.controlled()),
        label(c.controlledVerdict()), c.control(), c.changedBy(), measured ? c.margin() : null, c.marginOverridden(),
        c.adjustedP(), c.test(), label(c.verdict()), note.length() == 0 ? null : note.toString());
  }

  // one row per margin in use: the default family it belongs to, or the claim id when the user set it
  static List<ClaimRow.MarginRow> margins(List<Claim> claims) {
    Map<String, ClaimRow.MarginRow> byKey = new LinkedHashMap<>();
    for (Claim c : claims) {
      if (c.difference() == null || c.missing() != null) {
        continue;
      }
      Margins.Default d = Margins.defaultFor(c.id());
      String key = c.marginOverridden() || d == null ? c.id() : d.key();
      String reason = c.marginOverridden()
          ? "set by the user (default " + Margins.format(d == null ? 0.0 : d.value()) + ")"
          : d == null ? "no default margin: only the sign is tested" : d.reason();
      ClaimRow.MarginRow previous = byKey.get(key);
      byKey.put(key, new ClaimRow.MarginRow(key, c.margin(), c.marginOverridden(),
          previous == null ? 1 : previous.claims() + 1, reason));
    }
    return List.copyOf(byKey.values());
  }

  private static Cell cell(Interval d) {
    return d == null ? Cell.EMPTY : Cell.of(d.estimate(), d.lo(), d.hi());
  }

  private static String label(Verdict v) {
    return v == null ? null : v.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
