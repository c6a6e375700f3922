package org.embdiff.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.embdiff.claims.SideEstimate;
import org.embdiff.linalg.RandomizedSvd;
import org.embdiff.linalg.Spectra;
import org.embdiff.linalg.Spectrum;
import org.embdiff.cooc.CooccurrenceMatrix;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * SPEC 8, spectra: the PCA spectrum of each embedding matrix (no corpus needed) and, for sides
 * with a corpus, the top singular values of X, log(1+X) and PPMI by randomized SVD (Halko,
 * Martinsson &amp; Tropp 2011). The claims compare effective rank and decay exponent of the PCA
 * spectra on the top {@code min(dim)} components, with percentile-bootstrap intervals over words.
 */
final class SpectraAnalysis implements Analysis {
  static final String ID = "spectra";
  static final String TITLE = "Spectra";
  /** Singular values per co-occurrence matrix. */
  static final int K = 60;
  /** Bootstrap resamples of the words for the PCA spectrum intervals. */
  static final int RESAMPLES = 40;
  /** Below this many components the decay and effective rank of a spectrum say nothing. */
  static final int MIN_COMPONENTS = 5;
  /** Words per component a side needs for a bootstrap interval over its words to mean anything. */
  static final int WORDS_PER_COMPONENT = 10;
  /** And at least this many words. */
  static final int MIN_WORDS = 100;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return TITLE;
  }

  @Override
  public int expectedCost() {
    return 20;
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    boolean anyVectors = a.hasVectors() || b.hasVectors();
    boolean anyCorpus = a.corpusCounts() != null || b.corpusCounts() != null;
    if (!anyVectors && !anyCorpus) {
      return Section.skipped(ID, TITLE, "needs vectors (PCA spectrum) or a corpus (co-occurrence spectra) on at least one side");
    }
    SectionView.Builder view = new SectionView.Builder(
        "Singular values in decreasing order, divided by the largest, on log-log axes. A flatter curve (smaller decay "
            + "exponent, larger effective rank) spreads the signal over more dimensions: less structure, or more noise. "
            + "The PCA spectrum describes the vectors themselves; the co-occurrence spectra describe the corpus they "
            + "were (or would be) trained on.");
    List<Spectrum> spectra = new ArrayList<>();
    List<Chart.Series> pca = new ArrayList<>();
    int common = Integer.MAX_VALUE;
    for (Side s : List.of(a, b)) {
      if (s.hasVectors()) {
        EmbeddingSpace space = s.vectors().space();
        Spectrum sp = Spectra.pca(s.name() + " PCA", space, space.dim());
        spectra.add(sp);
        pca.add(new Chart.Series(s.name(), "line", points(sp), null));
        common = Math.min(common, space.dim());
      }
    }
    if (!pca.isEmpty()) {
      view.chart(Chart.xy("pca-spectrum", "PCA spectrum of the vectors", "component i", "\u03c3_i / \u03c3_1", true, true, pca,
          "Singular values of the column-centred embedding matrix."));
    }
    RandomizedSvd svd = RandomizedSvd.defaults(context.settings().seed());
    List<Chart.Series> cooc = new ArrayList<>();
    List<String> sizes = new ArrayList<>();
    for (Side s : List.of(a, b)) {
      if (s.corpusCounts() == null) {
        continue;
      }
      CooccurrenceAnalysis.Matrix m = CooccurrenceAnalysis.matrix(context, s);
      int k = Math.min(K, Math.min(m.x().rows(), m.x().cols()) - 1);
      if (k < 2) {
        view.note(s.name() + ": the co-occurrence matrix is too small for a spectrum.");
        continue;
      }
      Spectrum x = Spectra.of(s.name() + " X", m.x(), k, svd);
      sizes.add(String.format(java.util.Locale.ROOT, "%s %,d × %,d", s.name(), m.x().rows(), m.x().cols()));
      Spectrum log = Spectra.of(s.name() + " log(1+X)", CooccurrenceMatrix.log1p(m.x()), k, svd);
      Spectrum ppmi = Spectra.of(s.name() + " PPMI", CooccurrenceMatrix.ppmi(m.x(), 1.0), k, svd);
      spectra.addAll(List.of(x, log, ppmi));
      cooc.add(new Chart.Series(s.name() + " X", "line", points(x), null));
      cooc.add(new Chart.Series(s.name() + " log(1+X)", "dashed", points(log), null));
      cooc.add(new Chart.Series(s.name() + " PPMI", "scatter", points(ppmi), null));
    }
    if (!cooc.isEmpty()) {
      view.chart(Chart.xy("cooccurrence-spectra", "Co-occurrence spectra (top " + K + ")", "i", "\u03c3_i / \u03c3_1", true, true,
          cooc, String.format(java.util.Locale.ROOT, "Randomized SVD of the co-occurrence matrices of the most frequent "
              + "words (at most %,d; kept: %s).", CooccurrenceAnalysis.MAX_WORDS, String.join(", ", sizes))));
    }
    KeyTable.Builder key = new KeyTable.Builder("Spectrum summaries", List.of("decay exponent", "effective rank", "energy top 10"));
    for (Spectrum sp : spectra) {
      key.row(sp.name(), sp.rows() + " \u00d7 " + sp.cols() + ", top " + sp.singularValues().length,
          Cell.of(sp.decayExponent()), Cell.of(sp.effectiveRank()), Cell.of(sp.energyTop10()));
    }
    view.keyTable(key.build());
    int needWords = Math.max(MIN_WORDS, WORDS_PER_COMPONENT * common);
    boolean bigEnough = a.hasVectors() && b.hasVectors() && common >= MIN_COMPONENTS
        && a.vectors().space().size() >= needWords && b.vectors().space().size() >= needWords;
    if (a.hasVectors() && b.hasVectors() && !bigEnough) {
      view.note(String.format(java.util.Locale.ROOT, "The spectrum claims are not measurable: they need at least %d "
          + "dimensions and %,d words per side (max(%d, %d per component)); %s has %,d words x %d, %s %,d x %d.",
          MIN_COMPONENTS, Math.max(MIN_WORDS, WORDS_PER_COMPONENT * Math.max(common, MIN_COMPONENTS)), MIN_WORDS,
          WORDS_PER_COMPONENT, a.name(), a.vectors().space().size(), a.vectors().space().dim(), b.name(),
          b.vectors().space().size(), b.vectors().space().dim()));
    }
    if (bigEnough) {
      int k = common;
      SideEstimate[] ea = bootstrap(a.vectors().space(), k, context.settings().seed());
      SideEstimate[] eb = bootstrap(b.vectors().space(), k, context.settings().seed() + 1);
      view.keyTable(new KeyTable.Builder("PCA spectra on the common top " + k + " components (95% bootstrap over words)",
          List.of(a.name(), b.name()))
          .row("effective rank", "Roy & Vetterli 2007, over the top " + k, cell(ea[0]), cell(eb[0]))
          .row("decay exponent \u03b3", "\u03c3_i \u221d i^\u2212\u03b3, least squares on log-log", cell(ea[1]), cell(eb[1]))
          .build());
      context.contributeClaims(c -> c.effectiveRank(ea[0], eb[0]).decayExponent(ea[1], eb[1]));
      view.note("The claims use the PCA spectra on the top " + k + " components of each side (the smaller dimension), "
          + "so spaces of different dimension are compared on the same number of values.");
    }
    return Section.ok(ID, TITLE, view.build());
  }

  private static Cell cell(SideEstimate e) {
    return Cell.of(e.value(), e.lo(), e.hi());
  }

  private static List<double[]> points(Spectrum s) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < s.normalized().length; i++) {
      out.add(new double[] {i + 1, s.normalized()[i]});
    }
    return out;
  }

  /** Effective rank and decay exponent of the top {@code k} PCA values, with bootstrap intervals over rows. */
  static SideEstimate[] bootstrap(EmbeddingSpace space, int k, long seed) {
    Spectrum full = top(Spectra.pca("full", space, space.dim()), k);
    int n = space.size();
    int d = space.dim();
    float[] m = space.matrix();
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = Integer.toString(i);
    }
    Vocabulary vocab = new Vocabulary(ids);
    SplittableRandom random = new SplittableRandom(seed);
    double[] er = new double[RESAMPLES];
    double[] decay = new double[RESAMPLES];
    float[] sample = new float[n * d];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(m, random.nextInt(n) * d, sample, i * d, d);
      }
      Spectrum s = top(Spectra.pca("resample", new EmbeddingSpace(vocab, d, sample.clone()), d), k);
      er[r] = s.effectiveRank();
      decay[r] = s.decayExponent();
    }
    return new SideEstimate[] {estimate(full.effectiveRank(), er), estimate(full.decayExponent(), decay)};
  }

  private static Spectrum top(Spectrum s, int k) {
    double[] sigma = Arrays.copyOf(s.singularValues(), Math.min(k, s.singularValues().length));
    return Spectrum.of(s.name(), s.rows(), s.cols(), s.nnz(), s.frobeniusSquared(), sigma, s.method());
  }

  private static SideEstimate estimate(double value, double[] replicates) {
    double[] sorted = replicates.clone();
    Arrays.sort(sorted);
    double lo = sorted[(int) Math.floor(0.025 * (sorted.length - 1))];
    double hi = sorted[(int) Math.ceil(0.975 * (sorted.length - 1))];
    return new SideEstimate(value, lo, hi, 0.95, replicates);
  }
}
