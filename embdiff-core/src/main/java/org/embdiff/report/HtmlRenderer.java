package org.embdiff.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Report} as one self-contained HTML page: its page model ({@link ReportViews#page}) is embedded as JSON in a
 * {@code <script type="application/json">} element, and an inline script (with Apache ECharts,
 * read from the {@code org.webjars.npm:echarts} jar) draws every table and chart from it. The page
 * needs no network and works from {@code file://}. A pure function of the report.
 *
 * <p>Escaping: the only server-side text is the title, HTML-escaped; the JSON is escaped with
 * {@link ReportJson#forScriptElement}; the script builds the DOM with {@code textContent}.
 */
public final class HtmlRenderer {
  /** Classpath location of ECharts in the webjar. */
  static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private HtmlRenderer() {}

  /** The HTML page for {@code report}. */
  public static String render(Report report) {
    return render(ReportViews.page(report));
  }

  /** The HTML page showing {@code report}'s page model (embedded as JSON for the page script). */
  public static String render(ReportPage report) {
    String template = resource("/org/embdiff/report/template.html");
    Map<String, String> values = Map.of(
        "VERSION", escape(report.header().version()),
        "TITLE", escape(report.title()),
        "CSS", resource("/org/embdiff/report/report.css"),
        "DATA", ReportJson.forScriptElement(ReportJson.toJson(report)),
        "ECHARTS", scriptSafe(resource(ECHARTS)),
        "APP", scriptSafe(resource("/org/embdiff/report/report.js")));
    StringBuilder out = new StringBuilder(template.length() + 1_200_000);
    int i = 0;
    while (true) {
      int open = template.indexOf("{{", i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf("}}", open);
      String key = template.substring(open + 2, close);
      String value = values.get(key);
      if (value == null) {
        throw new IllegalStateException("report template has an unknown placeholder {{" + key + "}}");
      }
      out.append(template, i, open).append(value);
      i = close + 2;
    }
    return out.toString();
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Guards inline script text: a {@code </script} inside it would end the element early. */
  static String scriptSafe(String script) {
    String lower = script.toLowerCase(Locale.ROOT);
    if (!lower.contains("</script") && !lower.contains("<!--")) {
      return script;
    }
    return script.replaceAll("(?i)</script", "<\\\\/script").replace("<!--", "<\\!--");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name + " (the embdiff jar is incomplete)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + name, e);
    }
  }
}
