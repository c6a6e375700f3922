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
import org.embdiff.cooc.CooccurrenceJs;
import org.embdiff.cooc.CooccurrenceSummary;
import org.embdiff.inference.Tests;

/**
 * SPEC 2, co-occurrence: X_ij counted over each side's corpus (symmetric window 10, weight
 * 1/distance, within a line, as Stanford {@code cooccur}), with nnz, density and the power-law
 * exponent of the X_ij values; with both corpora, the JS divergence of the two co-occurrence
 * distributions against a split-half null ({@link CooccurrenceJs}).
 */
public final class CooccurrenceAnalysis implements Analysis<CooccurrenceAnalysis.Result> {
  private static final String CLAIM = "cooccurrence.js.differs";
  private static final String MISSING = "co-occurrence counts of both corpora and their split-half baseline (needs a corpus per side)";
  private static final String NOTE = "difference = between - null; JS in bits of the joint co-occurrence distributions X_ij / sum X on the shared "
      + "vocabulary: between = mean JS of the cross-side pairs of line-halves, null = larger within-corpus JS of two "
      + "line-halves, over line splits";

  /**
   * One side's matrix.
   *
   * @param side side name
   * @param summary counting summary
   */
  public record Matrix(String side, CooccurrenceSummary summary) {}

  /**
   * The JS comparison of the two corpora.
   *
   * @param sharedWords words used (rows and columns)
   * @param full JS between the whole corpora
   * @param between mean cross-side half-corpus JS with its interval
   * @param nullMeanA mean split-half JS of A
   * @param nullMeanB mean split-half JS of B
   * @param nullLevel the null level (larger split-half JS) with its interval
   * @param splits line splits
   * @param method how it was computed
   */
  public record Divergence(int sharedWords, double full, SideEstimate between, double nullMeanA, double nullMeanB,
      SideEstimate nullLevel, int splits, String method) {}

  /**
   * The result.
   *
   * @param minCount vocabulary threshold of X
   * @param matrices one per side with a corpus
   * @param withoutCorpus sides without a corpus
   * @param js the JS comparison, null unless both sides have a corpus
   * @param sideA name of A
   * @param sideB name of B
   */
  public record Result(long minCount, List<Matrix> matrices, List<String> withoutCorpus, Divergence js, String sideA,
      String sideB) {}

  @Override
  public String id() {
    return "cooccurrence";
  }

  @Override
  public String title() {
    return "Co-occurrence statistics";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onEitherSide(Input.CORPUS));
  }

  @Override
  public int expectedCost() {
    return 10;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    List<Matrix> matrices = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (Side s : context.sides()) {
      if (s.corpusCounts() != null) {
        matrices.add(new Matrix(s.name(), context.shared(SharedWork.cooccurrenceOf(s == context.a())).summary()));
      } else {
        without.add(s.name());
      }
    }
    Side a = context.a();
    Side b = context.b();
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(context.seed()), a.name(), b.name());
    Divergence js = null;
    Claim claim;
    if (a.corpusCounts() != null && b.corpusCounts() != null) {
      CooccurrenceJs r = CooccurrenceJs.compute(a.spec().corpora(), SideLoader.tokenizerFor(a.spec()), a.corpusCounts(),
          b.spec().corpora(), SideLoader.tokenizerFor(b.spec()), b.corpusCounts(), SharedWork.COOCCURRENCE_MIN_COUNT,
          SharedWork.COOCCURRENCE_MAX_WORDS, context.seed());
      js = new Divergence(r.sharedWords(), r.full(), r.betweenEstimate(), Tests.mean(r.nullA()),
          Tests.mean(r.nullB()), r.nullEstimate(), CooccurrenceJs.SPLITS, CooccurrenceJs.METHOD);
      claim = rules.aboveNull(CLAIM, statement(a.name(), b.name()), js.between(), js.nullLevel(), MISSING, NOTE)
          .withLabels("JS between sides", "split-half null");
    } else {
      claim = rules.notMeasurable(CLAIM, statement(a.name(), b.name()), Direction.GREATER, MISSING);
    }
    return new Outcome<>(new Result(SharedWork.COOCCURRENCE_MIN_COUNT, matrices, without, js, a.name(), b.name()),
        List.of(claim), List.of());
  }

  private static String statement(String a, String b) {
    return "X_" + a + " != X_" + b + " (JS of the co-occurrence distributions on the shared vocabulary, above its split-half null level)";
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(CLAIM, statement(a, b), a, b, Direction.GREATER, MISSING));
  }
}
