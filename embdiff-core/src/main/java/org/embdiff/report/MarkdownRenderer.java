package org.embdiff.report;

import java.util.List;
import java.util.Locale;
import org.embdiff.compare.InputFingerprint;
import org.embdiff.compare.RunHeader;
import org.embdiff.compare.StageTiming;

/**
 * Renders the summary of a {@link ReportPage} as GitHub Markdown: title, inputs, the claims table,
 * each section's headline tables (or why it was skipped), and the stage timings. A pure function
 * of the page; every text from input files passes through {@link #escape}.
 */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  /** The Markdown document. */
  public static String render(ReportPage report) {
    StringBuilder md = new StringBuilder(8192);
    RunHeader h = report.header();
    md.append("# ").append(escape(report.title())).append("\n\n");
    md.append("embdiff ").append(escape(h.version())).append(", ").append(escape(h.created())).append(", seed ")
        .append(h.seed()).append(", ").append(String.format(Locale.ROOT, "%.1f", h.totalSeconds())).append(" s. ")
        .append("Open `index.html` for the charts and tables; the numbers are in `report.json`.\n\n");
    md.append("| side | role | file | size | SHA-256 (first 16) | rows | dim |\n|---|---|---|---:|---|---:|---:|\n");
    for (InputFingerprint f : h.inputs()) {
      md.append("| ").append(escape(f.side())).append(" | ").append(escape(f.role())).append(" | ")
          .append(escape(fileName(f.path()))).append(" | ").append(f.sizeBytes()).append(" | `")
          .append(f.sha256() == null ? "" : f.sha256().substring(0, Math.min(16, f.sha256().length()))).append("` | ")
          .append(f.rows() >= 0 ? Long.toString(f.rows()) : "").append(" | ").append(f.dim() > 0 ? Integer.toString(f.dim()) : "")
          .append(" |\n");
    }
    md.append("\n## Claims\n\n");
    Section claims = report.claims();
    if (claims.isOk() && claims.data() instanceof ClaimsView view) {
      md.append("| claim | first value | second value | naive difference [95% CI] | controlled difference [95% CI] "
          + "| changed by | margin | Holm p | test | verdict |\n|---|---:|---:|---:|---:|---|---:|---:|---|---|\n");
      for (ClaimRow r : view.rows()) {
        md.append("| ").append(escape(r.claim())).append(" | ").append(labelled(r.labelA(), r.a())).append(" | ")
            .append(labelled(r.labelB(), r.b())).append(" | ").append(withVerdict(r.difference(), r.naiveVerdict()))
            .append(" | ").append(r.controlled() == null ? "" : withVerdict(r.controlled(), r.controlledVerdict()))
            .append(" | ").append(escape(nullToEmpty(r.changedBy()))).append(r.control() == null ? ""
                : " (" + escape(r.control()) + ")")
            .append(" | ").append(r.margin() == null ? "" : number(r.margin()) + (r.marginOverridden() ? " (set)" : ""))
            .append(" | ").append(r.adjustedP() == null ? "" : pValue(r.adjustedP()))
            .append(" | ").append(escape(nullToEmpty(r.test())))
            .append(" | **").append(escape(r.verdict())).append("**")
            .append(r.note() == null ? "" : " (" + escape(r.note()) + ")").append(" |\n");
      }
      if (!view.margins().isEmpty()) {
        md.append("\nMargins used:\n\n| claims | margin | set by | rows | why this size |\n|---|---:|---|---:|---|\n");
        for (ClaimRow.MarginRow m : view.margins()) {
          md.append("| ").append(escape(m.key())).append(" | ").append(number(m.value())).append(" | ")
              .append(m.overridden() ? "user" : "default").append(" | ").append(m.claims()).append(" | ")
              .append(escape(m.reason())).append(" |\n");
        }
      }
      for (String n : view.notes()) {
        md.append("\n").append(escape(n)).append('\n');
      }
    } else {
      md.append("_").append(escape(claims.status() + ": " + claims.reason())).append("_\n");
    }
    for (Section s : report.sections()) {
      md.append("\n## ").append(escape(s.title())).append("\n\n");
      if (!s.isOk()) {
        md.append("_").append(escape(s.status() + ": " + s.reason())).append("_\n");
        continue;
      }
      if (s.data() instanceof SectionView view) {
        for (KeyTable t : view.keyTables()) {
          keyTable(md, t);
        }
        for (DataTable t : view.tables()) {
          if (view.summaryTables().contains(t.id())) {
            dataTable(md, t);
          }
        }
        if (view.keyTables().isEmpty() && view.summaryTables().isEmpty()) {
          md.append("See `index.html` for the charts and tables of this section.\n");
        }
      }
    }
    md.append("\n## Time per stage\n\n| stage | seconds | result |\n|---|---:|---|\n");
    for (StageTiming t : h.stages()) {
      md.append("| ").append(escape(t.stage())).append(" | ").append(String.format(Locale.ROOT, "%.2f", t.seconds()))
          .append(" | ").append(escape(t.status())).append(" |\n");
    }
    return md.toString();
  }

  private static void keyTable(StringBuilder md, KeyTable t) {
    if (t.title() != null) {
      md.append("**").append(escape(t.title())).append("**\n\n");
    }
    md.append("| |");
    for (String c : t.columns()) {
      md.append(' ').append(escape(c)).append(" |");
    }
    md.append("\n|---|");
    md.append("---:|".repeat(t.columns().size()));
    md.append('\n');
    for (KeyTable.Row r : t.rows()) {
      md.append("| ").append(escape(r.label())).append(" |");
      for (Cell c : r.cells()) {
        md.append(' ').append(cell(c)).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private static void dataTable(StringBuilder md, DataTable t) {
    if (t.title() != null) {
      md.append("**").append(escape(t.title())).append("**\n\n");
    }
    md.append('|');
    StringBuilder rule = new StringBuilder("|");
    for (DataTable.Column c : t.columns()) {
      md.append(' ').append(escape(c.label())).append(" |");
      rule.append(c.type().equals("number") ? "---:|" : "---|");
    }
    md.append('\n').append(rule).append('\n');
    for (List<Object> row : t.rows()) {
      md.append('|');
      for (Object v : row) {
        md.append(' ').append(value(v)).append(" |");
      }
      md.append('\n');
    }
    if (t.note() != null) {
      md.append('\n').append(escape(t.note())).append('\n');
    }
    md.append('\n');
  }

  private static String value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      return Double.isFinite(n.doubleValue()) ? number(n.doubleValue()) : "";
    }
    if (v instanceof List<?> list) {
      return escape(String.join(", ", list.stream().map(String::valueOf).toList()));
    }
    return escape(v.toString());
  }

  /** A cell as text: "0.512 [0.48, 0.54] unit". */
  static String cell(Cell c) {
    if (c == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    if (c.v() != null) {
      s.append(number(c.v()));
      if (c.lo() != null || c.hi() != null) {
        s.append(" [").append(c.lo() == null ? "?" : number(c.lo())).append(", ")
            .append(c.hi() == null ? "?" : number(c.hi())).append(']');
      }
    }
    if (c.text() != null) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(escape(c.text()));
    }
    return s.toString();
  }

  /** A number with about 4 significant digits, integers as integers. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e9)) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /**
   * Escapes text for Markdown table cells and paragraphs: backslash-escapes the Markdown
   * specials (including {@code |}), HTML-escapes {@code <}, {@code >} and {@code &}, folds line
   * breaks into spaces, and shows control and bidirectional-control characters as {@code U+XXXX}.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '!', '|', '~' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r', '\u2028', '\u2029' -> out.append(' ');
        default -> {
          // control and bidirectional-override characters would reorder or hide the table's text: shown as U+XXXX
          if (Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
              || c == '\u200e' || c == '\u200f' || c == '\u061c') {
            out.append(String.format(java.util.Locale.ROOT, "U+%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private static String labelled(String label, Cell c) {
    return escape(nullToEmpty(label)) + ": " + cell(c);
  }

  private static String withVerdict(Cell c, String verdict) {
    return cell(c) + (verdict == null ? "" : " (" + escape(verdict) + ")");
  }

  private static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(java.util.Locale.ROOT, "%.3g", p);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
