package org.embdiff.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.claims.SideEstimate;
import org.embdiff.claims.Statistics;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceCounter;
import org.embdiff.cooc.CooccurrenceMatrix;
import org.embdiff.cooc.CooccurrenceOptions;
import org.embdiff.cooc.CooccurrenceSummary;
import org.embdiff.linalg.CsrMatrix;
import org.embdiff.util.ProgressListener;

/**
 * SPEC 2, co-occurrence: X_ij counted over each side's corpus (symmetric window 10, weight
 * 1/distance, within a line, as Stanford {@code cooccur}), with nnz, density and the power-law
 * exponent of the X_ij values. The matrices are shared with {@link SpectraAnalysis}.
 */
final class CooccurrenceAnalysis implements Analysis {
  static final String ID = "cooccurrence";
  static final String TITLE = "Co-occurrence statistics";
  /** Words with at least this count in the side's corpus form the vocabulary of X. */
  static final long MIN_COUNT = 5;
  /** Rows and columns kept for the spectra: the most frequent words. */
  static final int MAX_WORDS = 10_000;

  /** One side's co-occurrence matrix and its counting summary. */
  record Matrix(String side, CooccurrenceSummary summary, CsrMatrix x) {}

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
    return 10;
  }

  /** The matrix of {@code side}, counted once per run (shared with the spectra). */
  static Matrix matrix(CompareContext context, Side side) throws Exception {
    return context.shared("cooccurrence-" + side.name(), () -> {
      ByteVocabulary vocab = ByteVocabulary.of(side.corpusCounts().atLeast(MIN_COUNT));
      Path dir = Files.createTempDirectory("embdiff-cooc-");
      try {
        Path crec = dir.resolve(side.name() + ".crec");
        CooccurrenceOptions options = CooccurrenceOptions.defaults().withThreads(1).withTempDir(dir);
        CooccurrenceSummary s = new CooccurrenceCounter(vocab, options).count(side.spec().corpora(),
            SideLoader.tokenizerFor(side.spec()), crec, ProgressListener.NONE);
        return new Matrix(side.name(), s, CooccurrenceMatrix.read(crec, vocab.size(), MAX_WORDS));
      } finally {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(dir);
      }
    });
  }

  @Override
  public Section run(CompareContext context) throws Exception {
    List<Side> sides = new ArrayList<>();
    for (Side s : List.of(context.a(), context.b())) {
      if (s.corpusCounts() != null) {
        sides.add(s);
      }
    }
    if (sides.isEmpty()) {
      return Section.skipped(ID, TITLE, "needs a corpus (corpus:PATH) on at least one side; frequency lists and vectors have no co-occurrences");
    }
    List<Matrix> matrices = new ArrayList<>();
    for (Side s : sides) {
      matrices.add(matrix(context, s));
    }
    SectionView.Builder view = new SectionView.Builder(
        "X_ij counts how often word j appears within 10 words of word i in the corpus, each occurrence weighted by "
            + "1/distance (as Stanford's cooccur, the input of GloVe). Density is the share of word pairs that ever "
            + "co-occur; the exponent describes how the X_ij values are distributed (the GloVe paper reports about 1.25). "
            + "A sparser matrix with a heavier tail means more idiosyncratic contexts.");
    List<String> names = matrices.stream().map(Matrix::side).toList();
    KeyTable.Builder key = new KeyTable.Builder("Co-occurrence matrices", names);
    key.row("vocabulary (count \u2265 " + MIN_COUNT + ")", null, matrices.stream().map(m -> Cell.of(m.summary().vocabularySize())).toArray(Cell[]::new));
    key.row("tokens in the vocabulary", null, matrices.stream().map(m -> Cell.of(m.summary().vocabularyTokens())).toArray(Cell[]::new));
    key.row("non-zero X_ij (nnz)", null, matrices.stream().map(m -> Cell.of(m.summary().records())).toArray(Cell[]::new));
    key.row("density nnz / V\u00b2", null, matrices.stream().map(m -> Cell.of(m.summary().density())).toArray(Cell[]::new));
    key.row("sum of X_ij", null, matrices.stream().map(m -> Cell.of(m.summary().sum())).toArray(Cell[]::new));
    key.row("power-law exponent of X_ij (MLE)", "tail above x_min",
        matrices.stream().map(m -> m.summary().powerLaw() == null ? Cell.EMPTY : Cell.of(m.summary().powerLaw().alphaMle()))
            .toArray(Cell[]::new));
    key.row("power-law exponent (log-log, comparison)", null,
        matrices.stream().map(m -> m.summary().powerLaw() == null ? Cell.EMPTY : Cell.of(m.summary().powerLaw().alphaLogLog()))
            .toArray(Cell[]::new));
    view.keyTable(key.build());
    if (context.a().corpusCounts() != null && context.b().corpusCounts() != null) {
      Side a = context.a();
      Side b = context.b();
      CooccurrenceJs js = CooccurrenceJs.compute(a.spec().corpora(), SideLoader.tokenizerFor(a.spec()), a.corpusCounts(),
          b.spec().corpora(), SideLoader.tokenizerFor(b.spec()), b.corpusCounts(), MIN_COUNT, MAX_WORDS,
          context.settings().seed());
      SideEstimate between = js.betweenEstimate();
      SideEstimate nullLevel = js.nullEstimate();
      KeyTable.Builder jsKey = new KeyTable.Builder("Jensen-Shannon divergence of the co-occurrence distributions (bits)",
          List.of("value"));
      jsKey.row("shared words used (rows and columns)", "count \u2265 " + MIN_COUNT + " in both corpora, most frequent",
          Cell.of(js.sharedWords()));
      jsKey.row("JS between the sides, whole corpora", null, Cell.of(js.full()));
      jsKey.row("JS between the sides, half-corpora", "mean of the 4 cross-side half pairs, over "
          + CooccurrenceJs.SPLITS + " splits", Cell.of(between.value(), between.lo(), between.hi()));
      jsKey.row("split-half JS, " + a.name(), "null level: two line-halves of one corpus", Cell.of(Statistics.mean(js.nullA())));
      jsKey.row("split-half JS, " + b.name(), "null level: two line-halves of one corpus", Cell.of(Statistics.mean(js.nullB())));
      jsKey.row("null level (larger split-half JS)", "used by the claim", Cell.of(nullLevel.value(), nullLevel.lo(), nullLevel.hi()));
      view.keyTable(jsKey.build());
      view.note("JS: " + CooccurrenceJs.METHOD + ".");
      context.contributeClaims(c -> c.cooccurrenceJs(between, nullLevel));
    }
    for (Side s : List.of(context.a(), context.b())) {
      if (s.corpusCounts() == null) {
        view.note(s.name() + ": no corpus, so no co-occurrence matrix.");
      }
    }
    view.note("Window 10, symmetric, weight 1/distance, windows do not cross lines; corpus tokenized as for the counts.");
    return Section.ok(ID, TITLE, view.build());
  }
}
