package org.embdiff.compare.analyses;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Direction;
import org.embdiff.claims.SideEstimate;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.compare.SideLoader;
import org.embdiff.compare.WordTable;
import org.embdiff.inference.StudentT;
import org.embdiff.io.CompressedInput;
import org.embdiff.replicate.CachedTrainer;
import org.embdiff.replicate.MeasureNull;
import org.embdiff.replicate.PairMeasures;
import org.embdiff.replicate.ReplicateNull;
import org.embdiff.replicate.ReplicateSettings;
import org.embdiff.replicate.ReplicateSpaces;
import org.embdiff.replicate.SpaceTrainer;
import org.embdiff.replicate.TokenBudget;
import org.embdiff.replicate.WordNull;
import org.embdiff.text.Tokenizer;
import org.embdiff.train.GloveOptions;
import org.embdiff.train.SgnsOptions;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.Seeds;
import org.embdiff.vec.EmbeddingSpace;

/**
 * The controlled comparison (issue: comparable spaces): both sides' corpora cut to one token
 * budget ({@link TokenBudget}), each side's space trained with the same trainer and settings, B
 * aligned onto A by centred Procrustes, and every shared word's shift measured. With replicates,
 * each side also gets R spaces on bootstrap samples of its documents (Antoniak & Mimno 2018), whose
 * within-domain differences are the null ({@link ReplicateNull}): per-word z and empirical p, the
 * Benjamini-Hochberg list of significantly shifted words, and Delta-bar against its null level,
 * which makes the mean-shift claim measurable.
 */
public final class ControlledAnalysis implements Analysis<ControlledAnalysis.Result> {
  private static final String MEAN = "shift.mean.controlled";
  private static final String MEAN_STATEMENT = "Delta-bar between spaces trained alike (same trainer, token budget and "
      + "dimension) exceeds its within-domain null";
  private static final String MEAN_MISSING = "the shift Delta_w between spaces trained alike on both sides' corpora";
  /** The list's order: smallest q first, then the larger z, then the word. */
  static final Comparator<WordNull> BY_Q = Comparator.comparingDouble(WordNull::q)
      .thenComparing(Comparator.comparingDouble(WordNull::z).reversed()).thenComparing(WordNull::word);
  /** False-discovery rate of the significant-shift list. */
  static final double FDR = 0.05;

  /**
   * The result.
   *
   * @param sideA name of A
   * @param sideB name of B
   * @param settings the training settings
   * @param trainer what trained the spaces, in words
   * @param budget the token budget per side
   * @param keptA what was kept of A's corpus
   * @param keptB what was kept of B's corpus
   * @param vocabularyA words of A's space
   * @param vocabularyB words of B's space
   * @param tested shared words measured (in every replicate pair when there are replicates)
   * @param deltaBar mean Delta_w of the whole-budget pair
   * @param nullLevel mean of the 2R within-domain Delta-bars (NaN without replicates)
   * @param nullLower lower end of the 95% prediction interval of a within-domain Delta-bar
   * @param nullUpper its upper end
   * @param nullValues the within-domain Delta-bars (A_r vs A_r+1, then B_r vs B_r+1)
   * @param significant the words on the Benjamini-Hochberg list of Delta_w at q = 0.05 (total)
   * @param mostSignificant every word on that list, by {@link #BY_Q}
   * @param significantShare significant / tested
   * @param spacesTrained spaces trained in this run
   * @param spacesCached spaces read from the cache
   */
  public record Result(String sideA, String sideB, AnalysisSettings.Controlled settings, String trainer, long budget,
      TokenBudget.Kept keptA, TokenBudget.Kept keptB, int vocabularyA, int vocabularyB, int tested, double deltaBar,
      double nullLevel, double nullLower, double nullUpper, double[] nullValues, int significant,
      List<WordNull> mostSignificant, double significantShare, int spacesTrained, int spacesCached) {}

  @Override
  public String id() {
    return "controlled";
  }

  @Override
  public String title() {
    return "Controlled comparison (same trainer, token budget and dimension)";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onBothSides(Input.CORPUS), Requirement.setting(
        "no controlled comparison requested (both sides trained alike on their corpora)",
        s -> s.analyses().controlled() != null));
  }

  @Override
  public int expectedCost() {
    return 100;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    AnalysisSettings.Controlled c = context.settings().analyses().controlled();
    Side a = context.a();
    Side b = context.b();
    long seed = context.seed();
    TokenBudget budget = TokenBudget.of(read(a), read(b), c.maxTokens(), c.minCount(), seed);
    SpaceTrainer base = trainer(c);
    CachedTrainer cached = c.cache() == null ? null : new CachedTrainer(base, c.cache());
    SpaceTrainer trainer = cached == null ? base : cached;
    ReplicateSettings rs = new ReplicateSettings(Math.max(3, c.replicates()), c.minCount(), seed,
        ReplicateSettings.DEFAULT_MEASURES, FDR, 100, 25);
    double deltaBar;
    double nullLevel = Double.NaN, nullLower = Double.NaN, nullUpper = Double.NaN;
    double[] nullValues = new double[0];
    double[] deltas;
    List<WordNull> words = List.of();
    List<String> significant = List.of();
    int tested;
    EmbeddingSpace fullA, fullB;
    if (c.replicates() >= 3) {
      ReplicateSpaces spaces = ReplicateSpaces.train(budget.a(), budget.b(), trainer, rs, context.pool());
      fullA = spaces.fullA();
      fullB = spaces.fullB();
      ReplicateNull nulls = ReplicateNull.analyze(spaces, rs, context.pool());
      MeasureNull delta = nulls.measure(ShiftMeasure.DELTA);
      words = delta.words();
      significant = delta.significant();
      tested = nulls.tested();
      deltas = words.stream().mapToDouble(WordNull::observed).toArray();
      deltaBar = nulls.deltaBar().observed();
      nullValues = nulls.deltaBar().nullValues();
      nullLevel = nulls.deltaBar().nullLevel();
      // two-sided 95% prediction interval of one more within-domain Delta-bar: level +- t(0.975, K-1) s sqrt(1 + 1/K)
      int k = nullValues.length;
      double half = StudentT.quantile(0.975, k - 1) * sd(nullValues) * Math.sqrt(1 + 1.0 / k);
      nullLower = nullLevel - half;
      nullUpper = nullLevel + half;
    } else {
      var fa = context.pool().submit(() -> trainer.train(budget.a(), Seeds.derive(seed, "replicate-full", 0)));
      var fb = context.pool().submit(() -> trainer.train(budget.b(), Seeds.derive(seed, "replicate-full", 1)));
      fullA = fa.join();
      fullB = fb.join();
      PairMeasures pair = PairMeasures.compute(fullA, fullB, rs, Seeds.derive(seed, "replicate-pair", 0, 0));
      int m = rs.measures().indexOf(ShiftMeasure.DELTA);
      deltas = pair.values().values().stream().mapToDouble(v -> v[m]).toArray();
      tested = deltas.length;
      deltaBar = Arrays.stream(deltas).average().orElse(Double.NaN);
    }
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(seed), a.name(), b.name());
    SideEstimate nullEstimate = Double.isNaN(nullLevel) ? null : SideEstimate.of(nullLevel, nullLower, nullUpper, 0.95);
    Claim mean = rules.meanAboveNull(MEAN, MEAN_STATEMENT, deltas, nullEstimate, MEAN_MISSING,
        "the within-domain null of Delta-bar: bootstrap replicates of each side's corpus (at least 3 per side)",
        "Delta-bar (spaces trained alike)");
    List<List<Object>> rows = new ArrayList<>();
    for (WordNull w : words) {
      rows.add(Arrays.asList(w.word(), w.observed(), w.nullMean(), w.nullSd(), w.z(), w.p(), w.q(), w.significant()));
    }
    List<WordTable> tables = rows.isEmpty() ? List.of() : List.of(new WordTable("controlled-shift",
        List.of("word", "delta", "null_mean", "null_sd", "z", "p", "q", "significant"), rows));
    List<WordNull> listed = words.stream().filter(WordNull::significant).sorted(BY_Q).toList();
    Result r = new Result(a.name(), b.name(), c, trainer.describe(), budget.budget(), budget.sideA(), budget.sideB(),
        fullA.size(), fullB.size(), tested, deltaBar, nullLevel, nullLower, nullUpper, nullValues, significant.size(),
        listed, tested == 0 ? 0 : significant.size() / (double) tested, cached == null ? 2 * (rs.replicates() + 1)
            : cached.trained(), cached == null ? 0 : cached.hits());
    return new Outcome<>(r, List.of(mean), tables);
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(MEAN, MEAN_STATEMENT, a, b, Direction.GREATER, MEAN_MISSING));
  }

  /** The trainer of {@code c}: one thread per space (the spaces are trained in parallel, each reproducibly). */
  static SpaceTrainer trainer(AnalysisSettings.Controlled c) {
    return switch (c.trainer()) {
      case SGNS -> SpaceTrainer.sgns(new SgnsOptions(c.dim(), c.window(), 5, c.epochs(), 1e-3, 0.025, 1e-4, 1, 0));
      case GLOVE -> SpaceTrainer.glove(new GloveOptions(c.dim(), c.epochs(), 0.05, 0.75, 100, 1, 0, 2, 100), c.window());
    };
  }

  /** Every document (line) of the side's corpora, tokenized as its counts are, every token kept. */
  private static TokenCorpus read(Side side) throws IOException, org.embdiff.compare.AnalysisSkipped {
    Tokenizer tokenizer = SideLoader.tokenizerFor(side.spec());
    List<String[]> documents = new ArrayList<>();
    for (Path file : side.spec().corpora()) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(file).stream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          List<String> tokens = tokenizer.tokens(line);
          if (!tokens.isEmpty()) {
            documents.add(tokens.toArray(String[]::new));
          }
        }
      }
    }
    if (documents.isEmpty()) {
      throw new org.embdiff.compare.AnalysisSkipped("side " + side.name() + "'s corpora have no tokens");
    }
    return TokenCorpus.of(documents, 1);
  }

  private static double sd(double[] x) {
    double m = Arrays.stream(x).average().orElse(0), s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return x.length > 1 ? Math.sqrt(s / (x.length - 1)) : 0;
  }
}
