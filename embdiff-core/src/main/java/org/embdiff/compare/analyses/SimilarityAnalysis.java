package org.embdiff.compare.analyses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Control;
import org.embdiff.claims.Direction;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.compare.WordTable;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.eval.Intervals;
import org.embdiff.eval.MeanSimilarity;
import org.embdiff.eval.PairSimilarityResult;
import org.embdiff.eval.WordPairEvaluator;
import org.embdiff.eval.WordPairSet;
import org.embdiff.geometry.RandomPairBaseline;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Interval;
import org.embdiff.util.Seeds;
import org.embdiff.vec.EmbeddingSpace;

/**
 * SPEC 10 (first half), word similarity: Spearman and Pearson on every pair set per side with the
 * OOV share (gensim's {@code evaluate_word_pairs} settings), and the mean similarity s-bar over
 * the pairs both sides cover, with bootstrap intervals.
 */
public final class SimilarityAnalysis implements Analysis<SimilarityAnalysis.Result> {
  private static final String CLAIM = "similarity.mean.differs";
  private static final String MISSING = "similarities of the benchmark pairs both sides cover (needs vectors and word-pair sets)";

  /**
   * One benchmark on one side.
   *
   * @param result the evaluation (pair scores are in the CSV)
   * @param spearman Spearman rho with its Fisher interval
   */
  public record Score(PairSimilarityResult result, Interval spearman) {}

  /**
   * One side.
   *
   * @param side side name
   * @param scores one per benchmark, in benchmark order
   * @param meanSpearman unweighted mean Spearman over benchmarks with more than 3 pairs found
   */
  public record SideScores(String side, List<Score> scores, double meanSpearman) {}

  /**
   * One benchmark.
   *
   * @param name benchmark name
   * @param pairs pairs in the file
   */
  public record Benchmark(String name, int pairs) {}

  /**
   * The result.
   *
   * @param restrictVocab lookup restricted to this many most frequent words
   * @param benchmarks the pair sets
   * @param sides one per side with vectors
   * @param sharedPairs distinct pairs both sides cover (0 unless both have vectors)
   * @param meanA s-bar on A with its bootstrap interval, null unless both sides have vectors
   * @param meanB s-bar on B
   */
  public record Result(int restrictVocab, List<Benchmark> benchmarks, List<SideScores> sides, int sharedPairs,
      Interval meanA, Interval meanB) {}

  /** The id, also the random stream of the s-bar bootstraps. */
  public static final String ID = "similarity";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Word similarity benchmarks";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.file(Requirement.EvaluationFile.PAIRS), Requirement.onEitherSide(Input.VECTORS));
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    int restrict = AnalogySettings.DEFAULT_RESTRICT;
    List<WordPairSet> sets = new ArrayList<>();
    List<Benchmark> benchmarks = new ArrayList<>();
    for (Path f : context.settings().pairs()) {
      WordPairSet set = WordPairSet.read(f);
      sets.add(set);
      benchmarks.add(new Benchmark(set.name(), set.pairs().size()));
    }
    List<Side> withVectors = context.sides().stream().filter(Side::hasVectors).toList();
    List<SideScores> sides = new ArrayList<>();
    List<List<Object>> csv = new ArrayList<>();
    for (Side s : withVectors) {
      List<Score> scores = new ArrayList<>();
      for (WordPairSet set : sets) {
        PairSimilarityResult r = WordPairEvaluator.evaluate(s.vectors().space(), set, restrict, true);
        scores.add(new Score(r, Intervals.spearman(r.spearman(), r.found())));
        for (PairSimilarityResult.PairScore p : r.scores()) {
          csv.add(java.util.Arrays.asList(s.name(), r.benchmark(), p.w1(), p.w2(), p.gold(), p.cosine()));
        }
      }
      double meanSpearman = scores.stream().map(Score::result).filter(r -> r.found() > 3)
          .mapToDouble(PairSimilarityResult::spearman).average().orElse(Double.NaN);
      sides.add(new SideScores(s.name(), scores, meanSpearman));
    }
    Side a = context.a();
    Side b = context.b();
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(context.seed()), a.name(), b.name());
    Interval ea = null;
    Interval eb = null;
    int shared = 0;
    Claim claim;
    if (withVectors.size() == 2) {
      EmbeddingSpace va = a.vectors().space();
      EmbeddingSpace vb = b.vectors().space();
      double[][] paired = MeanSimilarity.sharedCosines(va, vb, sets, restrict, true);
      MeanSimilarity sbar = meanSimilarity(va, vb, sets, restrict, true, context.settings().seed());
      ea = sbar.meanA();
      eb = sbar.meanB();
      shared = sbar.pairs();
      claim = rules.paired(CLAIM, statement(a.name(), b.name()), paired[0], paired[1], Direction.DIFFERENT, MISSING);
      if (claim.difference() != null) {
        claim = claim.withControl(Control.RANDOM_PAIR_BASELINE, "each side's cosines relative to its random-pair cosine, (cos - r) / (1 - r)",
            baselineControl(rules, paired, a.vectors().space(), b.vectors().space(), restrict, context.random()));
      }
    } else {
      claim = rules.notMeasurable(CLAIM, statement(a.name(), b.name()), Direction.DIFFERENT, MISSING);
    }
    WordTable table = new WordTable("similarity-pairs", List.of("side", "benchmark", "w1", "w2", "gold", "cosine"), csv);
    return new Outcome<>(new Result(restrict, benchmarks, sides, shared, ea, eb), List.of(claim), List.of(table));
  }

  /**
   * s-bar on both sides over the pairs both cover, as a run computes it: the bootstraps on this
   * analysis's random stream under {@code rootSeed} (what {@code embdiff eval} reports for two files).
   */
  public static MeanSimilarity meanSimilarity(EmbeddingSpace a, EmbeddingSpace b, List<WordPairSet> sets, int restrict,
      boolean caseInsensitive, long rootSeed) {
    return MeanSimilarity.compute(a, b, sets, restrict, caseInsensitive, Bootstrap.MIN_RESAMPLES_95,
        Seeds.of(rootSeed, ID));
  }

  // each cosine rescaled so that the side's random pairs sit at 0 and identical words at 1, (cos - r) / (1 - r), then
  // paired B - A; normal interval, the levels' uncertainty added by the delta method
  static org.embdiff.claims.Interval baselineControl(ClaimRules rules, double[][] paired, EmbeddingSpace a,
      EmbeddingSpace b, int restrict, java.util.SplittableRandom random) {
    RandomPairBaseline ra = RandomPairBaseline.of(a, RandomPairBaseline.DEFAULT_PAIRS, restrict, random.split());
    RandomPairBaseline rb = RandomPairBaseline.of(b, RandomPairBaseline.DEFAULT_PAIRS, restrict, random.split());
    double qa = 1 - ra.meanCosine();
    double qb = 1 - rb.meanCosine();
    double[] y = new double[paired[0].length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (paired[1][i] - rb.meanCosine()) / qb - (paired[0][i] - ra.meanCosine()) / qa;
    }
    double[] ms = ClaimRules.meanAndSe(y);
    double ga = (org.embdiff.inference.Tests.mean(paired[0]) - 1) / (qa * qa) * ra.seCosine();
    double gb = (org.embdiff.inference.Tests.mean(paired[1]) - 1) / (qb * qb) * rb.seCosine();
    double se = Math.sqrt(ms[1] * ms[1] + ga * ga + gb * gb);
    return rules.normal(ms[0], se, String.format(java.util.Locale.ROOT, "normal interval: paired mean over %d pairs of "
        + "(cos - r) / (1 - r), r the side's mean random-pair cosine (A %.4f, B %.4f, %,d pairs each)", y.length,
        ra.meanCosine(), rb.meanCosine(), ra.pairs()));
  }

  private static String statement(String a, String b) {
    return "s-bar_" + a + " != s-bar_" + b + " (mean similarity over the pair set both sides cover)";
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(CLAIM, statement(a, b), a, b, Direction.DIFFERENT, MISSING));
  }

}
