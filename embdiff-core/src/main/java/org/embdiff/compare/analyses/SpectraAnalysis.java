package org.embdiff.compare.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
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
import org.embdiff.compare.Shared;
import org.embdiff.compare.Side;
import org.embdiff.cooc.CooccurrenceMatrix;
import org.embdiff.linalg.RandomizedSvd;
import org.embdiff.linalg.Spectra;
import org.embdiff.linalg.Spectrum;
import org.embdiff.linalg.SpectrumBootstrap;
import org.embdiff.util.Seeds;
import org.embdiff.vec.EmbeddingSpace;

/**
 * SPEC 8, spectra: the PCA spectrum of each embedding matrix (no corpus needed) and, for sides
 * with a corpus, the top singular values of X, log(1+X) and PPMI by randomized SVD (Halko,
 * Martinsson &amp; Tropp 2011). The claims compare effective rank and decay exponent of the PCA
 * spectra on the top {@code min(dim)} components, with percentile-bootstrap intervals over words.
 */
public final class SpectraAnalysis implements Analysis<SpectraAnalysis.Result> {
  /** Singular values per co-occurrence matrix. */
  public static final int K = 60;
  /** Bootstrap resamples of the words for the PCA spectrum intervals. */
  public static final int RESAMPLES = 1000;
  /** Words per side in the PCA spectra: the most frequent (rare words' vectors are mostly noise, and 41 PCAs scale with it). */
  public static final int MAX_WORDS = 100_000;
  /** Below this many components the decay and effective rank of a spectrum say nothing. */
  public static final int MIN_COMPONENTS = 5;
  /** Words per component a side needs for a bootstrap interval over its words to mean anything. */
  public static final int WORDS_PER_COMPONENT = 10;
  /** And at least this many words. */
  public static final int MIN_WORDS = 100;
  private static final String RANK = "spectrum.effective-rank.b-greater";
  private static final String DECAY = "spectrum.decay.b-less";
  private static final String RANK_MISSING = "the singular-value spectrum of both sides with an interval (needs vectors on both sides, each with at least 5 dimensions and 10 words per dimension, 100 at least)";
  private static final String DECAY_MISSING = "the spectral decay exponent of both sides with an interval (needs vectors on both sides, each with at least 5 dimensions and 10 words per dimension, 100 at least)";

  /**
   * One side's spectra of one kind.
   *
   * @param side side name
   * @param kind "PCA", "X", "log(1+X)" or "PPMI"
   * @param spectrum the spectrum
   */
  public record SideSpectrum(String side, String kind, Spectrum spectrum) {}

  /**
   * The PCA spectra of both sides on the common top k components, with bootstrap intervals.
   *
   * @param k components
   * @param effectiveRankA A's effective rank
   * @param effectiveRankB B's
   * @param decayA A's decay exponent
   * @param decayB B's
   */
  public record Common(int k, SideEstimate effectiveRankA, SideEstimate effectiveRankB, SideEstimate decayA,
      SideEstimate decayB) {}

  /**
   * The result.
   *
   * @param sideA name of A
   * @param sideB name of B
   * @param spectra every spectrum, PCA first
   * @param tooSmall sides whose co-occurrence matrix was too small for a spectrum
   * @param coocWords rows and columns kept of each co-occurrence matrix
   * @param common the claims' inputs, null unless both sides have vectors of the size the claims need
   * @param claimsNotMeasurable why the spectrum claims are not measurable although both sides have vectors, else null
   */
  public record Result(String sideA, String sideB, List<SideSpectrum> spectra, List<String> tooSmall, int coocWords,
      Common common, String claimsNotMeasurable) {}

  /** The id, also the random stream of the randomized SVD and the spectrum bootstraps. */
  public static final String ID = "spectra";

  @Override
  public String id() {
    return ID;
  }

  /**
   * The PCA spectra of two spaces on their common top k components with bootstrap intervals, as a
   * run computes them (this analysis's stream under {@code rootSeed}); null when either space is
   * below the size the claims need ({@link #MIN_COMPONENTS}, {@link #WORDS_PER_COMPONENT}).
   */
  public static Common common(EmbeddingSpace a, EmbeddingSpace b, long rootSeed) {
    int k = Math.min(a.dim(), b.dim());
    int needWords = Math.max(MIN_WORDS, WORDS_PER_COMPONENT * k);
    if (k < MIN_COMPONENTS || a.size() < needWords || b.size() < needWords) {
      return null;
    }
    long seed = Seeds.of(rootSeed, ID);
    SideEstimate[] ea = estimates(SpectrumBootstrap.run(a, k, RESAMPLES, new SplittableRandom(Seeds.derive(seed, "side", 0))));
    SideEstimate[] eb = estimates(SpectrumBootstrap.run(b, k, RESAMPLES, new SplittableRandom(Seeds.derive(seed, "side", 1))));
    return new Common(k, ea[0], eb[0], ea[1], eb[1]);
  }

  /** The randomized SVD of the co-occurrence spectra, seeded as a run seeds it under {@code rootSeed}. */
  public static RandomizedSvd svd(int oversampling, int powerIterations, long rootSeed) {
    return new RandomizedSvd(oversampling, powerIterations, Seeds.of(rootSeed, ID));
  }

  /**
   * Side A's spectra of X, log(1+X) and PPMI (empty when X is too small): they read no vectors, so
   * the common-dimension control reuses them instead of repeating the SVDs.
   */
  static final Shared<List<SideSpectrum>> COOCCURRENCE_SPECTRA_A = Shared.ofCounts("co-occurrence spectra A",
      c -> cooccurrenceSpectra(c, true));

  /** Side B's, as {@link #COOCCURRENCE_SPECTRA_A}. */
  static final Shared<List<SideSpectrum>> COOCCURRENCE_SPECTRA_B = Shared.ofCounts("co-occurrence spectra B",
      c -> cooccurrenceSpectra(c, false));

  private static List<SideSpectrum> cooccurrenceSpectra(AnalysisContext context, boolean first) throws Exception {
    Side s = first ? context.a() : context.b();
    RandomizedSvd defaults = RandomizedSvd.defaults(0);
    RandomizedSvd svd = svd(defaults.oversampling(), defaults.powerIterations(), context.settings().seed());
    SharedWork.CooccurrenceMatrixOfSide m = context.shared(SharedWork.cooccurrenceOf(first));
    int k = Math.min(K, Math.min(m.x().rows(), m.x().cols()) - 1);
    if (k < 2) {
      return List.of();
    }
    return List.of(new SideSpectrum(s.name(), "X", Spectra.of(s.name() + " X", m.x(), k, svd)),
        new SideSpectrum(s.name(), "log(1+X)", Spectra.of(s.name() + " log(1+X)", CooccurrenceMatrix.log1p(m.x()), k, svd)),
        new SideSpectrum(s.name(), "PPMI", Spectra.of(s.name() + " PPMI", CooccurrenceMatrix.ppmi(m.x(), 1.0), k, svd)));
  }

  @Override
  public String title() {
    return "Spectra";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.anyOf("needs vectors (PCA spectrum) or a corpus (co-occurrence spectra) on at least one side",
        Requirement.onEitherSide(Input.VECTORS), Requirement.onEitherSide(Input.CORPUS)));
  }

  @Override
  public int expectedCost() {
    return 20;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    List<SideSpectrum> spectra = new ArrayList<>();
    int common = Integer.MAX_VALUE;
    for (Side s : context.sides()) {
      if (s.hasVectors()) {
        EmbeddingSpace space = SharedWork.mostFrequent(s, MAX_WORDS);
        spectra.add(new SideSpectrum(s.name(), "PCA", Spectra.pca(s.name() + " PCA", space, space.dim())));
        common = Math.min(common, space.dim());
      }
    }
    List<String> tooSmall = new ArrayList<>();
    for (Side s : context.sides()) {
      if (s.corpusCounts() == null) {
        continue;
      }
      List<SideSpectrum> ofCorpus = context.shared(s == a ? COOCCURRENCE_SPECTRA_A : COOCCURRENCE_SPECTRA_B);
      if (ofCorpus.isEmpty()) {
        tooSmall.add(s.name());
      }
      spectra.addAll(ofCorpus);
    }
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(context.seed()), a.name(), b.name());
    Common c = null;
    List<Claim> claims;
    int needWords = Math.max(MIN_WORDS, WORDS_PER_COMPONENT * common);
    boolean bigEnough = a.hasVectors() && b.hasVectors() && common >= MIN_COMPONENTS
        && a.vectors().space().size() >= needWords && b.vectors().space().size() >= needWords;
    String tooSmallForClaims = null;
    if (a.hasVectors() && b.hasVectors() && !bigEnough) {
      tooSmallForClaims = String.format(java.util.Locale.ROOT, "The spectrum claims are not measurable: they need at "
          + "least %d dimensions and %,d words per side (max(%d, %d per component)); %s has %,d words x %d, %s %,d x %d.",
          MIN_COMPONENTS, Math.max(MIN_WORDS, WORDS_PER_COMPONENT * Math.max(common, MIN_COMPONENTS)), MIN_WORDS,
          WORDS_PER_COMPONENT, a.name(), a.vectors().space().size(), a.vectors().space().dim(), b.name(),
          b.vectors().space().size(), b.vectors().space().dim());
    }
    if (bigEnough) {
      c = common(SharedWork.mostFrequent(a, MAX_WORDS), SharedWork.mostFrequent(b, MAX_WORDS), context.settings().seed());
      SideEstimate[] ea = {c.effectiveRankA(), c.decayA()};
      SideEstimate[] eb = {c.effectiveRankB(), c.decayB()};
      String note = "per-side intervals: " + intervalMethod(Math.min(SpectrumBootstrap.GROUPS,
          Math.min(Math.min(a.vectors().space().size(), b.vectors().space().size()), MAX_WORDS)));
      claims = List.of(rules.sidePair(RANK, rankStatement(a.name(), b.name()), ea[0], eb[0], Direction.GREATER, RANK_MISSING)
              .withNote(note),
          rules.sidePair(DECAY, decayStatement(a.name(), b.name()), ea[1], eb[1], Direction.LESS, DECAY_MISSING)
              .withNote(note));
    } else {
      claims = unmeasured(a.name(), b.name(), "vectors on both sides");
    }
    return new Outcome<>(new Result(a.name(), b.name(), spectra, tooSmall, SharedWork.COOCCURRENCE_MAX_WORDS, c,
        tooSmallForClaims), claims, List.of());
  }

  private static SideEstimate[] estimates(SpectrumBootstrap.Result r) {
    return new SideEstimate[] {normal(r.effectiveRank(), r.effectiveRankReplicates()),
        normal(r.decayExponent(), r.decayExponentReplicates())};
  }

  // estimate +- z * bootstrap SE: resampling words duplicates rows, which spreads the eigenvalues and biases the
  // replicates, so their percentiles can miss the estimate; the SE of that distribution is still the sampling spread
  private static SideEstimate normal(double value, double[] replicates) {
    double mean = Arrays.stream(replicates).average().orElse(Double.NaN);
    double ss = 0;
    for (double x : replicates) {
      ss += (x - mean) * (x - mean);
    }
    double half = org.embdiff.inference.Normal.quantile(0.975) * Math.sqrt(ss / Math.max(1, replicates.length - 1));
    return SideEstimate.of(value, value - half, value + half, 0.95);
  }

  static String intervalMethod(int groups) {
    return "normal interval, estimate +- 1.96 bootstrap SE per side (" + RESAMPLES + " resamples of " + groups
        + " random groups of words), sides independent";
  }

  private static String rankStatement(String a, String b) {
    return "the " + b + " spectrum is flatter: effective rank_" + b + " > effective rank_" + a;
  }

  private static String decayStatement(String a, String b) {
    return "the " + b + " spectrum is flatter: decay exponent_" + b + " < decay exponent_" + a;
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    return List.of(Claim.notMeasurable(RANK, rankStatement(a, b), a, b, Direction.GREATER, RANK_MISSING),
        Claim.notMeasurable(DECAY, decayStatement(a, b), a, b, Direction.LESS, DECAY_MISSING));
  }
}
