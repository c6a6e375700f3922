package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.SplittableRandom;
import org.embdiff.inference.Claim;
import org.embdiff.inference.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The Zipf claim's matched-tail control on constructed lists whose free fits describe different regimes: A is
 * a list cut after its top 300 types (rank exponent 1.0), B a full list whose top 300 types fall off faster
 * (exponent 1.5) and whose 60,000 further types fall off slower (0.6). B's free fit reaches into its bulk, so
 * the free exponents say B is flatter; on the same number of top types B is steeper. Differences are A - B.
 */
class TruncationRegimeControlTest {
  private static final int HEAD = 300;

  private static String word(int id) {
    StringBuilder sb = new StringBuilder("q");
    do {
      sb.append((char) ('a' + id % 26));
      id /= 26;
    } while (id > 0);
    return sb.toString();
  }

  // expected counts scale * r^-exponent over the head, then continuing from the head's end with the bulk's
  // exponent; each count drawn with Poisson noise (normal approximation, all expected counts are above 40)
  private static Counts twoRegimes(double scale, double headExponent, int bulkTypes, double bulkExponent,
      long totalTokens, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Object2LongOpenHashMap<String> m = new Object2LongOpenHashMap<>();
    long sum = 0;
    double headEnd = scale * Math.pow(HEAD, -headExponent);
    for (int r = 1; r <= HEAD + bulkTypes; r++) {
      double mu = r <= HEAD ? scale * Math.pow(r, -headExponent) : headEnd * Math.pow((double) r / HEAD, -bulkExponent);
      double gauss = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
      long c = Math.max(1, Math.round(mu + Math.sqrt(mu) * gauss));
      m.put(word(r), c);
      sum += c;
    }
    return Counts.sorted(m, Math.max(sum, totalTokens), 1, Integer.MAX_VALUE, bulkTypes == 0);
  }

  @Test
  void freeFitsOfDifferentRegimesReverseTheDifferenceAndTheMatchedTailCatchesIt() {
    // A reports 1e9 tokens in its source, as a cut list does, so the common relative cut keeps B's head and more
    Counts a = twoRegimes(1e6, 1.0, 0, 1.0, 1_000_000_000L, 1);
    Counts b = twoRegimes(1.3e7, 1.5, 60_000, 0.6, 0, 2);
    long bHeadEnd = b.count(HEAD - 1);
    // the defaults without the goodness-of-fit draws, which this claim does not use
    CorpusStatistics.Settings s = CorpusStatistics.Settings.defaults(5);
    s = new CorpusStatistics.Settings(s.bootstrap(), s.level(), s.seed(), s.divergence(), s.commonTopN(), s.alphaMargin(),
        s.entropyMarginBits(), 0);
    CorpusStatistics.ComparisonReport r = CorpusStatistics.compare("a", a, "b", b, s);

    // the free fits: A's tail lies in its only regime, B's reaches far into its bulk, each near its exponent
    assertThat(r.a().zipf().tailTypes()).isLessThanOrEqualTo(HEAD);
    assertThat(r.b().zipf().xMin()).isLessThan(bHeadEnd / 10);
    assertThat(r.b().zipf().tailTypes()).isGreaterThan(50 * HEAD);
    assertThat(r.a().zipf().alpha()).isCloseTo(1.0, within(0.1));
    assertThat(r.b().zipf().alpha()).isCloseTo(0.6, within(0.05));
    // the matched tail: both sides' top types, as many as A's free tail, where B is in its steep head
    CorpusStatistics.HarmonisedComparison h = r.harmonised();
    assertThat(h.tailTypes()).isEqualTo((int) r.a().zipf().tailTypes());
    assertThat(h.zipfB().alpha()).isCloseTo(1.5, within(0.2));

    Claim zipf = r.claims().stream().filter(c -> c.id().equals("stats.zipf-alpha-differs")).findFirst().orElseThrow();
    String why = zipf.decision().reason();
    // naive A - B lies above +margin, the matched-tail one below -margin: both "differ", in opposite directions
    assertThat(zipf.naive().interval().lower()).as(why).isGreaterThan(zipf.margin());
    assertThat(zipf.controlled().interval().upper()).as(why).isLessThan(-zipf.margin());
    assertThat(zipf.decision().naive()).isEqualTo(Verdict.SUPPORTED);
    assertThat(zipf.decision().controlled()).isEqualTo(Verdict.SUPPORTED);
    assertThat(zipf.verdict()).as(why).isEqualTo(Verdict.CONFOUNDED);
    assertThat(why).contains("(negative)");
  }
}
