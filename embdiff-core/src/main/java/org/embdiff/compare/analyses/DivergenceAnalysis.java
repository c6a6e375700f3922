package org.embdiff.compare.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Direction;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.compare.WordTable;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.WordContribution;

/**
 * SPEC 5, mutual information between word and domain: I(W;D) with per-word contributions, KL with
 * its smoothing, Jensen–Shannon, and the most domain-specific words of each side by the log-odds
 * ratio with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008).
 */
public final class DivergenceAnalysis implements Analysis<DivergenceAnalysis.Result> {
  private static final int SCATTER_POINTS = 1500;
  private static final String CLAIM = "mi.concentrated";
  private static final String STATEMENT = "I(W;D) is concentrated in domain words (mean per-word contribution above other words')";
  private static final String MISSING = "per-word I(W;D) contributions (needs a frequency list or corpus per side)";

  /**
   * The result.
   *
   * @param sideA name of A
   * @param sideB name of B
   * @param full divergences over all listed words (per-word contributions are in the CSV)
   * @param onSupport divergences on the common support
   * @param supportMethod how the common support was chosen
   * @param scatter (log10 count in both, z) for the top contributors and a thinned rest
   * @param scatterLabels the word of each scatter point
   * @param scatterStep every how many words the rest is thinned to
   * @param domainWordsFound probe words present in both lists
   * @param countsSources where each side's counts come from
   */
  public record Result(String sideA, String sideB, DomainDivergence full, DomainDivergence onSupport, String supportMethod,
      List<double[]> scatter, List<String> scatterLabels, int scatterStep, int domainWordsFound, List<String> countsSources) {}

  @Override
  public String id() {
    return "divergence";
  }

  @Override
  public String title() {
    return "Mutual information and divergences";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onBothSides(Input.COUNTS));
  }

  @Override
  public int expectedCost() {
    return 5;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    CorpusStatistics.ComparisonReport cmp = context.shared(SharedWork.CORPUS_COMPARISON);
    DomainDivergence full = cmp.divergence();
    List<WordContribution> words = full.words();
    List<double[]> points = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int step = Math.max(1, words.size() / SCATTER_POINTS);
    for (int i = 0; i < words.size(); i += i < 300 ? 1 : step) {
      WordContribution w = words.get(i);
      points.add(new double[] {Math.log10(Math.max(1, w.countA() + w.countB())), w.z()});
      labels.add(w.word());
    }
    Set<String> probes = new HashSet<>(context.settings().probeWords());
    double[] domain = words.stream().filter(w -> probes.contains(w.word())).mapToDouble(WordContribution::miBits).toArray();
    double[] other = words.stream().filter(w -> !probes.contains(w.word())).mapToDouble(WordContribution::miBits).toArray();
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(context.seed()), a.name(), b.name());
    Claim claim = rules.groups(CLAIM, STATEMENT, domain.length >= 2 ? domain : null, other, MISSING,
        "values: mean contribution to I(W;D) in bits" + share(domain, other))
        .withLabels("domain words", "other words");
    List<List<Object>> rows = new ArrayList<>();
    for (WordContribution w : words) {
      rows.add(Arrays.asList(w.word(), w.countA(), w.countB(), w.pA(), w.pB(), w.miBits(), w.logOdds(), w.z(), w.pseudoToken()));
    }
    WordTable table = new WordTable("domain-words", List.of("word", "count_" + a.name(), "count_" + b.name(), "p_" + a.name(),
        "p_" + b.name(), "mi_bits", "log_odds", "z", "pseudo_token"), rows);
    return new Outcome<>(new Result(a.name(), b.name(), full, cmp.divergenceOnSupport(), cmp.support().method(), points,
        labels, step, domain.length, Arrays.asList(a.countsSource(), b.countsSource())), List.of(claim), List.of(table));
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(CLAIM, STATEMENT, a, b, Direction.GREATER, MISSING));
  }

  private static String share(double[] group, double[] other) {
    double g = Arrays.stream(group).sum();
    double o = Arrays.stream(other).sum();
    double share = g + o > 0 ? g / (g + o) : Double.NaN;
    return String.format(Locale.ROOT, "; domain words (%d of %d) carry %.1f%% of I(W;D)", group.length,
        group.length + other.length, 100 * share);
  }
}
