package org.embdiff.compare.analyses;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Direction;
import org.embdiff.claims.SideEstimate;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.compare.SideLoader;
import org.embdiff.compare.WordTable;
import org.embdiff.inference.Interval;
import org.embdiff.inference.Intervals;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.Counts;
import org.embdiff.stats.EntropyAtBudget;
import org.embdiff.stats.RankFrequencyFit;
import org.embdiff.stats.ZipfFit;
import org.embdiff.util.Seeds;

/**
 * SPEC 1, word distributions: tokens, types, hapax share, Zipf and entropy of each side's corpus
 * and frequency list, the rank-frequency curves, and on a common support the Zipf exponent and
 * entropy the claims compare.
 */
public final class DistributionsAnalysis implements Analysis<DistributionsAnalysis.Result> {
  /** Points per rank-frequency curve. */
  static final int CURVE_POINTS = 160;

  /**
   * One counted source of one side.
   *
   * @param label "wiki list"
   * @param side side name
   * @param kind "frequency list" or "corpus"
   * @param primary whether these counts stand for the side (the list when given)
   * @param report frequency summary, Zipf, Heaps, entropy
   * @param top10Share share of tokens in the 10 most frequent words
   * @param truncated whether the counts leave out rare words
   * @param minCount smallest count kept
   * @param curve (rank, relative frequency) at log-spaced ranks
   * @param zipfLine the MLE power law drawn over its fitted range
   * @param twoRegimeLine the two-regime fit
   */
  public record Source(String label, String side, String kind, boolean primary, CorpusStatistics.SideReport report,
      double top10Share, boolean truncated, long minCount, List<double[]> curve, List<double[]> zipfLine,
      List<double[]> twoRegimeLine) {}

  /**
   * Zipf and entropy of both sides on a common support (the claims' inputs).
   *
   * @param support how the support was chosen
   * @param a side A on it
   * @param b side B on it
   */
  public record Common(CorpusStatistics.CommonSupport support, CorpusStatistics.SideReport a,
      CorpusStatistics.SideReport b) {}

  /**
   * The result.
   *
   * @param sides side names, A first
   * @param countsSources where each side's counts come from ("frequency list", "corpus", null)
   * @param sources every counted source
   * @param withoutCounts sides with neither corpus nor list
   * @param common the common-support comparison, null unless both sides have counts
   * @param entropyAtBudget both corpora's entropy at an equal token budget (documents resampled), null unless both
   *     sides have a corpus
   */
  public record Result(List<String> sides, List<String> countsSources, List<Source> sources, List<String> withoutCounts,
      Common common, EntropyAtBudget entropyAtBudget) {}

  /** The id. */
  public static final String ID = "distributions";

  @Override
  public String id() {
    return ID;
  }

  /**
   * One source's counts described as a run does it: {@code settings} on the corpus comparison's
   * random stream under {@code rootSeed}, the stream the comparison describes each side's primary
   * counts on, so a source reads the same whether it was described alone or for the comparison
   * (what {@code embdiff stats} reports for one side).
   */
  public static CorpusStatistics.SideReport describe(String label, Counts counts, CorpusStatistics.Settings settings,
      long rootSeed) {
    return CorpusStatistics.describe(label, counts, SharedWork.corpusComparisonSettings(settings, rootSeed));
  }

  @Override
  public String title() {
    return "Word distributions (Zipf)";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onEitherSide(Input.COUNTS));
  }

  @Override
  public int expectedCost() {
    return 5;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    CorpusStatistics.Settings settings = context.settings().analyses().statistics();
    List<Source> sources = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    Side a = context.a();
    Side b = context.b();
    // the comparison describes each side's primary counts already: those sources take its description
    CorpusStatistics.ComparisonReport cmp = a.hasCounts() && b.hasCounts() ? context.shared(SharedWork.CORPUS_COMPARISON)
        : null;
    for (Side s : context.sides()) {
      for (boolean list : new boolean[] {true, false}) {
        Counts c = list ? s.listCounts() : s.corpusCounts();
        if (c == null) {
          continue;
        }
        String kind = list ? "frequency list" : "corpus";
        String label = s.name() + (list ? " list" : " corpus");
        boolean primary = kind.equals(s.countsSource());
        CorpusStatistics.SideReport r = cmp != null && primary ? renamed(s == a ? cmp.a() : cmp.b(), label)
            : describe(label, c, settings, context.settings().seed());
        sources.add(new Source(label, s.name(), kind, primary, r, topShare(c, 10), c.truncated(), c.minCount(),
            curve(c, CURVE_POINTS), primary ? zipfLine(c, r.zipf()) : List.of(),
            primary ? twoRegimeLine(c, r.rankFrequency()) : List.of()));
        for (int k = 0; k < c.size(); k++) {
          rows.add(List.of(s.name(), kind, k + 1, c.word(k), c.count(k), (double) c.count(k) / c.totalTokens()));
        }
      }
      if (!s.hasCounts()) {
        missing.add(s.name());
      }
    }
    Common common = null;
    List<Claim> claims;
    EntropyAtBudget budget = a.corpusCounts() != null && b.corpusCounts() != null ? EntropyAtBudget.of(a.spec().corpora(),
        SideLoader.tokenizerFor(a.spec()), b.spec().corpora(), SideLoader.tokenizerFor(b.spec()), BUDGET_RESAMPLES,
        0.95, context.seed()) : null;
    if (cmp != null) {
      common = new Common(cmp.support(), cmp.aOnSupport(), cmp.bOnSupport());
      claims = claims(context, common, cmp.harmonised(), budget);
    } else {
      claims = unmeasured(a.name(), b.name(), "counts (a corpus or a frequency list) on both sides");
    }
    WordTable counts = new WordTable("counts", List.of("side", "source", "rank", "word", "count", "relative_frequency"), rows);
    return new Outcome<>(new Result(List.of(a.name(), b.name()),
        java.util.Arrays.asList(a.countsSource(), b.countsSource()), sources, missing, common, budget), claims,
        List.of(counts));
  }

  // the controls: harmonised vocabulary on both sides, Zipf at a matched tail size, entropy at equal top types
  /** Document resamples of the equal-token-budget entropy (at least 1,000 for a 95% interval). */
  static final int BUDGET_RESAMPLES = 1000;

  private List<Claim> claims(AnalysisContext context, Common c, CorpusStatistics.HarmonisedComparison h,
      EntropyAtBudget budget) {
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(context.seed()), context.a().name(), context.b().name());
    String a = context.a().name();
    String b = context.b().name();
    Claim zipf = rules.sidePair(ZIPF, zipfStatement(a, b), estimate(c.a().zipf().alpha(), c.a().zipf().alphaCi()),
        estimate(c.b().zipf().alpha(), c.b().zipf().alphaCi()), Direction.DIFFERENT, ZIPF_MISSING);
    Claim entropy = rules.sidePair(ENTROPY, entropyStatement(a, b),
        estimate(c.a().entropy().millerMadowBits(), c.a().entropy().millerMadowCi()),
        estimate(c.b().entropy().millerMadowBits(), c.b().entropy().millerMadowCi()), Direction.GREATER,
        ENTROPY_MISSING);
    if (h != null && h.zipfA() != null && zipf.difference() != null) {
      zipf = zipf.withControl(org.embdiff.claims.Control.MATCHED_TAIL, "harmonised vocabulary, both sides' top "
          + h.tailTypes() + " types", ClaimRules.of(Intervals.difference(h.zipfB().alphaCi(), h.zipfA().alphaCi())));
    }
    if (h != null && entropy.difference() != null && h.entropyA().millerMadowCi() != null) {
      entropy = entropy.withControl(org.embdiff.claims.Control.HARMONISED_VOCABULARY, "harmonised vocabulary, top "
          + h.topTypes() + " types on both sides", ClaimRules.of(Intervals.difference(h.entropyB().millerMadowCi(),
          h.entropyA().millerMadowCi())));
    }
    if (budget != null && entropy.difference() != null) {
      entropy = entropy.withControl(org.embdiff.claims.Control.EQUAL_TOKEN_BUDGET, String.format(java.util.Locale.ROOT,
          "both corpora harmonised and subsampled by document to %,d tokens (%,d and %,d documents), documents resampled",
          budget.budgetTokens(), budget.documentsA(), budget.documentsB()), ClaimRules.of(budget.difference()));
    }
    return List.of(zipf, entropy);
  }

  private static final String ZIPF = "zipf.alpha.differs";
  private static final String ENTROPY = "entropy.b-greater";
  private static final String ZIPF_MISSING = "the Zipf fit with an interval on both sides (needs a frequency list or corpus per side)";
  private static final String ENTROPY_MISSING = "the lexical entropy with an interval on both sides (needs a frequency list or corpus per side)";

  private static String zipfStatement(String a, String b) {
    return "alpha_" + a + " != alpha_" + b + " (Zipf rank-frequency exponent)";
  }

  private static String entropyStatement(String a, String b) {
    return "H_" + b + " > H_" + a + " (lexical entropy, bits)";
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(ZIPF, zipfStatement(a, b), a, b, Direction.DIFFERENT, ZIPF_MISSING),
        Claim.notMeasurable(ENTROPY, entropyStatement(a, b), a, b, Direction.GREATER, ENTROPY_MISSING));
  }

  private static CorpusStatistics.SideReport renamed(CorpusStatistics.SideReport r, String label) {
    return new CorpusStatistics.SideReport(label, r.frequency(), r.heaps(), r.zipf(), r.rankFrequency(), r.entropy());
  }

  static SideEstimate estimate(double value, Interval ci) {
    return ci == null ? SideEstimate.of(value, Double.NaN, Double.NaN, 0.95) : SideEstimate.of(value, ci.lower(), ci.upper(), ci.level());
  }

  /**
   * The MLE power law in rank form, f(r) ∝ r^-alpha, drawn over the two decades of rank that end
   * at the fitted tail's last rank (where the frequency-distribution fit is decided), through the
   * observed point at x_min.
   */
  static List<double[]> zipfLine(Counts c, ZipfFit fit) {
    double n = c.totalTokens();
    double rMin = Math.max(1, fit.tailTypes());
    double yMin = fit.xMin() / n;
    double r0 = Math.max(1, rMin / 100);
    return List.of(new double[] {r0, yMin * Math.pow(r0 / rMin, -fit.alpha())}, new double[] {rMin, yMin});
  }

  /** The two-regime fit: head and tail slopes through the observed point at the break rank. */
  static List<double[]> twoRegimeLine(Counts c, RankFrequencyFit fit) {
    double n = c.totalTokens();
    long br = Math.max(1, Math.min(c.size(), fit.breakRank()));
    double yb = c.count((int) br - 1) / n;
    double last = c.size();
    return List.of(new double[] {1, yb * Math.pow(1.0 / br, -fit.alphaHead())}, new double[] {br, yb},
        new double[] {last, yb * Math.pow(last / br, -fit.alphaTail())});
  }

  private static double topShare(Counts c, int k) {
    long sum = 0;
    for (int r = 0; r < Math.min(k, c.size()); r++) {
      sum += c.count(r);
    }
    return (double) sum / c.totalTokens();
  }

  /** About {@code points} (rank, relative frequency) pairs at log-spaced ranks, always including rank 1 and the last. */
  static List<double[]> curve(Counts c, int points) {
    List<double[]> out = new ArrayList<>();
    int n = c.size();
    if (n == 0) {
      return out;
    }
    double total = c.totalTokens();
    int previous = 0;
    for (int i = 0; i < points; i++) {
      int rank = (int) Math.round(Math.exp(Math.log(n) * i / (points - 1.0)));
      rank = Math.max(1, Math.min(n, rank));
      if (rank != previous) {
        out.add(new double[] {rank, c.count(rank - 1) / total});
        previous = rank;
      }
    }
    return out;
  }
}
