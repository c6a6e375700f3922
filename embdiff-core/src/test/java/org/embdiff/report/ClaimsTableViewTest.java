package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.embdiff.claims.Claim;
import org.embdiff.claims.Control;
import org.embdiff.claims.Direction;
import org.embdiff.claims.Interval;
import org.embdiff.claims.Margins;
import org.embdiff.compare.RunHeader;
import org.embdiff.compare.StageTiming;
import org.junit.jupiter.api.Test;

/** The claims table renders its records: each row's two values under that row's own labels, changed-by, margins. */
class ClaimsTableViewTest {
  @Test
  void everyRowHeadsItsValuesWithItsOwnLabelsAndShowsWhatChangedTheVerdict() {
    Claim sides = Claim.measured("entropy.b-greater", "H_twitter > H_wiki", "wiki", "twitter", 10.1, 10.2,
        new Interval(0.05, 0.04, 0.06, 0.95, "b"), "t", null, Direction.GREATER, null)
        .withControl(Control.HARMONISED_VOCABULARY, "top 30,000 types", new Interval(-0.5, -0.6, -0.4, 0.95, "b"));
    Claim groups = Claim.measured("shift.domain-words", "Delta_w >> 0", "wiki", "twitter", 0.97, 0.85,
        new Interval(0.12, 0.03, 0.22, 0.95, "b"), "t", 0.001, Direction.GREATER, null)
        .withLabels("domain words", "random control words")
        .withControl(Control.FREQUENCY_MATCHING, "nearest rank", new Interval(0.11, 0.05, 0.18, 0.95, "b"));
    Claim missing = Claim.notMeasurable("cooccurrence.js.differs", "JS", "wiki", "twitter", Direction.GREATER, "a corpus");
    List<Claim> claims = Margins.withOverrides(Map.of("shift.domain-words", 0.01)).apply(List.of(sides, groups, missing));
    ClaimsView view = ClaimsTableView.of(claims, "wiki", "twitter");
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      ClaimRow r = view.rows().get(i);
      assertThat(r.labelA()).isEqualTo(c.labelA()).isNotBlank();
      assertThat(r.labelB()).isEqualTo(c.labelB()).isNotBlank();
      assertThat(r.changedBy()).isEqualTo(c.changedBy());
    }
    assertThat(view.rows().get(0).verdict()).isEqualTo("confounded");
    assertThat(view.rows().get(0).changedBy()).isEqualTo("harmonised vocabulary");
    assertThat(view.rows().get(0).naiveVerdict()).isEqualTo("no difference");
    assertThat(view.rows().get(0).controlledVerdict()).isEqualTo("contradicted");
    assertThat(view.rows().get(1).changedBy()).isEqualTo("none");
    assertThat(view.margins()).anyMatch(m -> m.key().equals("shift.domain-words") && m.overridden() && m.value() == 0.01)
        .anyMatch(m -> m.key().equals("entropy") && !m.overridden() && !m.reason().isBlank());

    RunHeader header = new RunHeader("embdiff", "test", "2026-01-01T00:00:00Z", "wiki", "twitter", List.of(), Map.of(), 7, 1,
        List.of(new StageTiming("s", 0.5, "ok")), 1.0, "17", "linux", "scalar");
    ReportPage page = ReportViews.page(new Report(Report.SCHEMA_VERSION, "t", header, claims, List.of()));
    String md = MarkdownRenderer.render(page);
    String text = TextSummary.claims(page);
    for (Claim c : claims.subList(0, 2)) {
      String row = md.lines().filter(l -> l.startsWith("| " + MarkdownRenderer.escape(c.statement()) + " |")).findFirst().orElseThrow();
      assertThat(row).contains("| " + MarkdownRenderer.escape(c.labelA()) + ": ")
          .contains("| " + MarkdownRenderer.escape(c.labelB()) + ": ").contains(c.changedBy());
      String line = text.lines().filter(l -> l.startsWith(c.statement())).findFirst().orElseThrow();
      assertThat(line).contains(c.labelA() + " ").contains(c.labelB() + " ").contains(c.changedBy());
    }
    assertThat(md).contains("Margins used").contains("| shift.domain\\-words | 0.01 | user |");
  }
}
