package org.embdiff.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ControlStep;
import org.embdiff.claims.Interval;
import org.embdiff.claims.Verdict;
import org.embdiff.compare.analyses.Analyses;
import org.embdiff.io.LoadOptions;
import org.embdiff.io.SideSpec;
import org.embdiff.testing.BundledData;
import org.junit.jupiter.api.Test;

/**
 * Every interval a compare run on the bundled data reports (each claim's naive difference, each control step's
 * and the controlled one) contains its point estimate as computed, without the widening the interval type
 * applies to a bootstrap that misses it; and a measured claim has a finite estimate inside finite bounds.
 * {@code NullPairsTest} asserts the same of the pairs with no domain difference.
 */
class ClaimIntervalsTest {
  private static final String WIDENED = "widened to contain the estimate";

  @Test
  void everyReportedIntervalOfABundledComparisonContainsItsEstimate() throws Exception {
    // the vectors alone (the count claims' intervals are checked on the bundled lists by NullPairsTest)
    LoadOptions head = LoadOptions.defaults().withLimit(1000);
    SideSpec wiki = new SideSpec("wiki", BundledData.path("embeddings/glove.6B.100d.twitter12k-vocab.txt.gz"),
        List.of(), null, null, head);
    SideSpec twitter = new SideSpec("twitter", BundledData.path("embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz"),
        List.of(), null, null, head);
    List<Claim> claims = Analyses.runner(new CompareSettings(wiki, twitter, null, List.of(), List.of(), null, 7, 2, 10))
        .run(org.embdiff.util.ProgressListener.NONE).claims();
    assertIntervalsHold(claims);
    // the run measures claims of several analyses, with and without controls
    assertThat(claims.stream().filter(c -> c.verdict() != Verdict.NOT_MEASURABLE).count()).isGreaterThanOrEqualTo(4);
    assertThat(claims).anyMatch(c -> !c.controls().isEmpty());
  }

  /** Every measured interval of {@code claims} contains its estimate without widening. */
  static void assertIntervalsHold(List<Claim> claims) {
    String table = claims.stream().map(c -> c.id() + " " + c.verdict() + " " + c.difference())
        .collect(Collectors.joining("\n"));
    assertThat(claims).as(table).isNotEmpty();
    for (Claim c : claims) {
      List<Interval> intervals = new ArrayList<>();
      intervals.add(c.difference());
      c.controls().stream().map(ControlStep::interval).forEach(intervals::add);
      intervals.add(c.controlled());
      for (Interval i : intervals) {
        if (i == null || c.verdict() == Verdict.NOT_MEASURABLE && Double.isNaN(i.estimate())) {
          continue;
        }
        assertThat(Double.isFinite(i.estimate()) && Double.isFinite(i.lo()) && Double.isFinite(i.hi()))
            .as("%s: a measured interval is finite: %s", c.id(), i).isTrue();
        assertThat(i.lo() <= i.estimate() && i.estimate() <= i.hi()).as("%s contains its estimate: %s", c.id(), i)
            .isTrue();
        assertThat(i.method() == null ? "" : i.method()).as("%s: %s", c.id(), i).doesNotContain(WIDENED);
      }
    }
  }
}
