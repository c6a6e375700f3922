package org.embdiff.compare.analyses;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.Control;
import org.embdiff.geometry.RandomPairBaseline;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Direction;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.compare.WordTable;
import org.embdiff.eval.AnalogyComparison;
import org.embdiff.eval.AnalogyEvaluator;
import org.embdiff.eval.AnalogyMethod;
import org.embdiff.eval.AnalogyResult;
import org.embdiff.eval.AnalogySet;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.eval.Intervals;
import org.embdiff.inference.Interval;
import org.embdiff.inference.Tests;

/**
 * SPEC 6, analogies: 3CosAdd and 3CosMul accuracy per side and section (gensim's settings:
 * restrict 300,000, case-insensitive, question words excluded), accuracy on the questions both
 * sides answer, and the error eps = ||(w_b - w_a + w_c) - w_d|| on unit vectors, paired over the
 * shared questions for the claim.
 */
public final class AnalogiesAnalysis implements Analysis<AnalogiesAnalysis.Result> {
  private static final String CLAIM = "analogy.eps.b-greater";
  private static final String MISSING = "per-question analogy errors on the questions both sides answer (needs vectors and an analogy set)";

  /**
   * One side's evaluation.
   *
   * @param side side name
   * @param cosAdd 3CosAdd result (per-question outcomes are in the CSV)
   * @param cosMul 3CosMul result
   * @param cosAddAccuracy 3CosAdd accuracy with its Wilson interval
   * @param cosMulAccuracy 3CosMul accuracy with its Wilson interval
   * @param eps eps (L2) of every answered question
   */
  public record SideAnalogies(String side, AnalogyResult cosAdd, AnalogyResult cosMul, Interval cosAddAccuracy,
      Interval cosMulAccuracy, double[] eps) {}

  /**
   * Both sides on the questions both answer.
   *
   * @param questions questions both answer
   * @param accuracyA A's 3CosAdd accuracy with its Wilson interval
   * @param accuracyB B's
   * @param pairedQuestions questions paired for eps
   * @param meanEpsA A's mean eps on them
   * @param meanEpsB B's
   */
  public record Common(int questions, Interval accuracyA, Interval accuracyB, int pairedQuestions, double meanEpsA,
      double meanEpsB) {}

  /**
   * The result.
   *
   * @param settings the evaluation settings (3CosAdd; 3CosMul differs only in the method)
   * @param sections the benchmark's sections, in file order
   * @param sides one per side with vectors
   * @param common both sides compared, null unless both have vectors
   */
  public record Result(AnalogySettings settings, List<String> sections, List<SideAnalogies> sides, Common common) {}

  @Override
  public String id() {
    return "analogies";
  }

  @Override
  public String title() {
    return "Analogies (linear structure)";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.file(Requirement.EvaluationFile.ANALOGIES), Requirement.onEitherSide(Input.VECTORS));
  }

  @Override
  public int expectedCost() {
    return 6;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    AnalogySet set = AnalogySet.read(context.settings().analogies());
    AnalogySettings add = AnalogySettings.defaults();
    List<SideAnalogies> sides = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    for (Side s : context.sides()) {
      if (!s.hasVectors()) {
        continue;
      }
      AnalogyResult ra = AnalogyEvaluator.evaluate(s.vectors().space(), set, add);
      AnalogyResult rm = AnalogyEvaluator.evaluate(s.vectors().space(), set, add.withMethod(AnalogyMethod.COS_MUL));
      sides.add(new SideAnalogies(s.name(), ra, rm, Intervals.wilson(ra.correct(), ra.answered()),
          Intervals.wilson(rm.correct(), rm.answered()),
          ra.outcomes().stream().mapToDouble(AnalogyResult.AnalogyOutcome::epsL2).toArray()));
      for (AnalogyResult.AnalogyOutcome o : ra.outcomes()) {
        rows.add(java.util.Arrays.asList(s.name(), o.section(), o.line(), o.a(), o.b(), o.c(), o.expected(), o.predicted(),
            o.correct(), o.rank(), o.epsL2(), o.epsCosine()));
      }
    }
    Side a = context.a();
    Side b = context.b();
    Common common = null;
    Claim claim;
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(context.seed()), a.name(), b.name());
    if (sides.size() == 2) {
      AnalogyComparison cmp = AnalogyComparison.of(sides.get(0).cosAdd(), sides.get(1).cosAdd());
      double[][] paired = pairedEps(sides.get(0).cosAdd(), sides.get(1).cosAdd());
      common = new Common(cmp.common(), Intervals.wilson(cmp.correctA(), cmp.common()),
          Intervals.wilson(cmp.correctB(), cmp.common()), paired[0].length, Tests.mean(paired[0]),
          Tests.mean(paired[1]));
      claim = rules.paired(CLAIM, statement(a.name(), b.name()), paired[0], paired[1], Direction.GREATER, MISSING);
      if (claim.difference() != null) {
        claim = claim.withControl(Control.RANDOM_PAIR_BASELINE, "each side's eps divided by its mean random-pair "
            + "distance", baselineControl(rules, paired, a.vectors().space(), b.vectors().space(), context.random()));
      }
    } else {
      claim = rules.notMeasurable(CLAIM, statement(a.name(), b.name()), Direction.GREATER, MISSING);
    }
    WordTable table = new WordTable("analogies", List.of("side", "section", "line", "a", "b", "c", "expected", "predicted",
        "correct", "rank", "eps_l2", "eps_cosine"), rows);
    return new Outcome<>(new Result(add, set.sections(), sides, common), List.of(claim), List.of(table));
  }

  private static String statement(String a, String b) {
    return "eps_" + b + " > eps_" + a + " (analogy error, paired over shared questions)";
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(CLAIM, statement(a, b), a, b, Direction.GREATER, MISSING));
  }

  // mean(eps_B / D_B - eps_A / D_A) over the paired questions, D the mean random-pair distance of unit vectors;
  // normal interval, the D's uncertainty added by the delta method
  static org.embdiff.claims.Interval baselineControl(ClaimRules rules, double[][] paired,
      org.embdiff.vec.EmbeddingSpace a, org.embdiff.vec.EmbeddingSpace b, java.util.SplittableRandom random) {
    RandomPairBaseline ra = RandomPairBaseline.of(a, RandomPairBaseline.DEFAULT_PAIRS, a.size(), random.split());
    RandomPairBaseline rb = RandomPairBaseline.of(b, RandomPairBaseline.DEFAULT_PAIRS, b.size(), random.split());
    double da = ra.meanDistance();
    double db = rb.meanDistance();
    double[] y = new double[paired[0].length];
    for (int i = 0; i < y.length; i++) {
      y[i] = paired[1][i] / db - paired[0][i] / da;
    }
    double[] ms = ClaimRules.meanAndSe(y);
    double ga = Tests.mean(paired[0]) / (da * da) * ra.seDistance();
    double gb = Tests.mean(paired[1]) / (db * db) * rb.seDistance();
    double se = Math.sqrt(ms[1] * ms[1] + ga * ga + gb * gb);
    return rules.normal(ms[0], se, String.format(java.util.Locale.ROOT, "normal interval: paired mean over %d questions "
        + "of eps / D, D the mean random-pair distance of unit vectors (A %.4f, B %.4f, %,d pairs each)", y.length, da, db,
        ra.pairs()));
  }

  /** eps of the questions both answered, matched by line, in A's order. */
  static double[][] pairedEps(AnalogyResult a, AnalogyResult b) {
    Int2ObjectOpenHashMap<AnalogyResult.AnalogyOutcome> byLine = new Int2ObjectOpenHashMap<>();
    for (AnalogyResult.AnalogyOutcome o : b.outcomes()) {
      byLine.put(o.line(), o);
    }
    List<double[]> pairs = new ArrayList<>();
    for (AnalogyResult.AnalogyOutcome o : a.outcomes()) {
      AnalogyResult.AnalogyOutcome other = byLine.get(o.line());
      if (other != null) {
        pairs.add(new double[] {o.epsL2(), other.epsL2()});
      }
    }
    double[] xa = new double[pairs.size()];
    double[] xb = new double[pairs.size()];
    for (int i = 0; i < xa.length; i++) {
      xa[i] = pairs.get(i)[0];
      xb[i] = pairs.get(i)[1];
    }
    return new double[][] {xa, xb};
  }
}
