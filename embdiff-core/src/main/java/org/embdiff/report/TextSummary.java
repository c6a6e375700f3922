package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text summaries of a report for the terminal: the claims table and the stage timings. */
public final class TextSummary {
  private TextSummary() {}

  /** The claims table as aligned text, or the reason it is absent. */
  public static String claims(ReportPage report) {
    Section s = report.claims();
    if (!s.isOk() || !(s.data() instanceof ClaimsView view)) {
      return "Claims: " + s.status() + ": " + s.reason() + "\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"claim", "first value", "second value", "naive [95% CI]", "controlled [95% CI]", "changed by",
        "margin", "Holm p", "verdict"});
    for (ClaimRow r : view.rows()) {
      rows.add(new String[] {r.claim(), r.labelA() + " " + plain(r.a()), r.labelB() + " " + plain(r.b()),
          plain(r.difference()) + verdict(r.naiveVerdict()), r.controlled() == null ? "-"
              : plain(r.controlled()) + verdict(r.controlledVerdict()), r.changedBy(),
          r.margin() == null ? "-" : plain(Cell.of(r.margin())) + (r.marginOverridden() ? " (set)" : ""),
          r.adjustedP() == null ? "-" : r.adjustedP() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", r.adjustedP()),
          r.verdict()});
    }
    return table(rows);
  }

  /** Time per stage, slowest first, and the total. */
  public static String timings(ReportPage report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"stage", "seconds", "result"});
    report.header().stages().stream().sorted((x, y) -> Double.compare(y.seconds(), x.seconds()))
        .forEach(t -> rows.add(new String[] {t.stage(), String.format(Locale.ROOT, "%.2f", t.seconds()), t.status()}));
    rows.add(new String[] {"total (wall clock)", String.format(Locale.ROOT, "%.2f", report.header().totalSeconds()), ""});
    return table(rows);
  }

  /** Sections that were skipped or failed, one line each. */
  public static String skipped(ReportPage report) {
    StringBuilder sb = new StringBuilder();
    for (Section s : report.sections()) {
      if (!s.isOk()) {
        sb.append("  ").append(s.title()).append(": ").append(s.status()).append(": ").append(s.reason()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String verdict(String v) {
    return v == null ? "" : " " + v;
  }

  private static String plain(Cell c) {
    String s = MarkdownRenderer.cell(c);
    return s.replace("\\", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String table(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        // the claim column is never cut: its names tell rows apart (e.g. 12 transfer claims differ at the end)
        width[i] = i == 0 ? Math.max(width[i], r[i].length()) : Math.min(48, Math.max(width[i], r[i].length()));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      for (int i = 0; i < cols; i++) {
        String v = i > 0 && r[i].length() > 48 ? r[i].substring(0, 47) + "\u2026" : r[i];
        sb.append(i == 0 ? "" : "  ").append(i == 0 ? pad(v, width[i]) : padLeft(v, width[i]));
      }
      sb.append('\n');
      if (k == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        sb.append("-".repeat(total - 2)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }

  private static String padLeft(String s, int w) {
    return " ".repeat(Math.max(0, w - s.length())) + s;
  }
}
