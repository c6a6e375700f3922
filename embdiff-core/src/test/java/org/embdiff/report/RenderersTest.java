package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class RenderersTest {
  @Test
  void htmlHasOnlyItsOwnScriptsAndTheDataComesBackUnchanged() throws Exception {
    String hostile = "</script><script>alert(1)</script><img/src=x/onerror=alert(1)><!--";
    Report report = ReportJsonTest.report(hostile);
    String html = HtmlRenderer.render(report);
    Document doc = Jsoup.parse(html);
    List<Element> scripts = doc.select("script");
    assertThat(scripts).hasSize(3);
    assertThat(scripts.get(0).attr("type")).isEqualTo("application/json");
    assertThat(doc.select("img, iframe, object, embed, svg")).isEmpty();
    for (Element e : doc.getAllElements()) {
      e.attributes().forEach(a -> assertThat(a.getKey()).doesNotStartWith("on"));
    }
    assertThat(doc.title()).isEqualTo(hostile);
    assertThat(ReportJson.mapper().readTree(scripts.get(0).data()).path("title").asText()).isEqualTo(hostile);
    assertThat(scripts.get(1).data()).contains("echarts");
    assertThat(scripts.get(2).data()).contains("textContent").doesNotContain("innerHTML =");
  }

  @Test
  void markdownEscapesTableBreakersAndMarkup() {
    assertThat(MarkdownRenderer.escape("a|b")).isEqualTo("a\\|b");
    assertThat(MarkdownRenderer.escape("<img src=x>")).isEqualTo("&lt;img src=x&gt;");
    assertThat(MarkdownRenderer.escape("*x*_y_`z`\nq")).isEqualTo("\\*x\\*\\_y\\_\\`z\\` q");
    String md = MarkdownRenderer.render(ReportViews.page(ReportJsonTest.report("x|<b>")));
    assertThat(md).contains("| x\\|&lt;b&gt; | wiki: 1 | twitter: 2 | -1 [-2, -0.5] (supported) |  | none | 0 |  | bootstrap "
        + "| **supported** (x\\|&lt;b&gt;) |")
        .contains("_skipped: needs a corpus_")
        .doesNotContain("<b>");
  }

  @Test
  void markdownNumbersAreShortAndExact() {
    assertThat(MarkdownRenderer.number(1234567)).isEqualTo("1,234,567");
    assertThat(MarkdownRenderer.number(0.123456)).isEqualTo("0.1235");
    assertThat(MarkdownRenderer.number(0.00001234)).isEqualTo("1.23e-05");
    assertThat(MarkdownRenderer.cell(Cell.of(0.5, 0.25, 0.75))).isEqualTo("0.5 [0.25, 0.75]");
  }
}
