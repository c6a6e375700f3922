package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embdiff.claims.Claim;
import org.embdiff.claims.Interval;

/** The claims table of a report: one row per claim, as decided by the analyses. */
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
    List<String> notes = new ArrayList<>();
    notes.add(measured + " of " + rows.size() + " claims measured. Differences are " + b + " \u2212 " + a
        + " unless the claim compares groups of words.");
    notes.add("Verdict rule: supported when the 95% interval excludes the null value in the claimed direction, "
        + "contradicted when it excludes it in the other direction, inconclusive otherwise.");
    return new ClaimsView("Each row is a claim about how " + b + " text differs from " + a
        + " text, with what was measured on each side, the difference with its 95% confidence interval, the test, "
        + "and a verdict computed from that interval. \"not measurable\" names the input that was missing.", rows, notes);
  }

  static ClaimRow row(Claim c) {
    String verdict = c.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    Cell difference = Cell.EMPTY;
    Interval d = c.difference();
    if (d != null) {
      difference = Cell.of(d.estimate(), d.lo(), d.hi());
    }
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
    return new ClaimRow(c.id(), c.statement(), c.direction() == null ? null : c.direction().name().toLowerCase(Locale.ROOT),
        c.valueA() == null ? Cell.EMPTY : Cell.of(c.valueA()), c.valueB() == null ? Cell.EMPTY : Cell.of(c.valueB()),
        difference, c.test(), verdict, note.length() == 0 ? null : note.toString());
  }
}
