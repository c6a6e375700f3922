package org.embdiff.compare.analyses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;
import org.embdiff.align.DomainShift;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.align.ShiftSettings;
import org.embdiff.compare.Shared;
import org.embdiff.compare.Side;
import org.embdiff.compare.SideLoader;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceCounter;
import org.embdiff.cooc.CooccurrenceMatrix;
import org.embdiff.cooc.CooccurrenceOptions;
import org.embdiff.cooc.CooccurrenceSummary;
import org.embdiff.linalg.CsrMatrix;
import org.embdiff.stats.CorpusStatistics;
import org.embdiff.stats.Counts;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Seeds;

/**
 * Work several analyses need, declared once: the runner computes each at most once per run.
 * (The alignment and shift are shared by shift, projection; the corpus comparison by distributions
 * and divergence; each side's co-occurrence matrix by co-occurrence and spectra.)
 */
public final class SharedWork {
  private SharedWork() {}

  /** Words with at least this count in the side's corpus form the vocabulary of X. */
  public static final long COOCCURRENCE_MIN_COUNT = 5;
  /** Rows and columns of X kept: the most frequent words. */
  public static final int COOCCURRENCE_MAX_WORDS = 10_000;

  /** B aligned onto A and every shared word's shift. */
  public static final Shared<ShiftAnalysis> SHIFT = Shared.of("alignment and shift", c -> {
    Side a = c.a();
    Side b = c.b();
    ShiftSettings settings = c.settings().analyses().shift().withSeed(c.seed())
        .withLists(c.settings().topWords(), c.settings().probeWords());
    return DomainShift.analyze(a.vectors().space(), b.vectors().space(), settings, rank(a.counts()),
        a.hasCounts() ? a.name() + " " + a.countsSource() : "row order of " + a.name(), rank(b.counts()),
        b.hasCounts() ? b.name() + " " + b.countsSource() : "row order of " + b.name(), ProgressListener.NONE);
  });

  private static final String CORPUS_COMPARISON_STREAM = "corpus comparison";

  /** The two sides' counts compared (entropy, Zipf on a common support, divergences). */
  public static final Shared<CorpusStatistics.ComparisonReport> CORPUS_COMPARISON = Shared.ofCounts(CORPUS_COMPARISON_STREAM,
      c -> corpusComparison(c.a().name(), c.a().counts(), c.b().name(), c.b().counts(),
          c.settings().analyses().statistics(), c.settings().seed()));

  /**
   * Two sides' counts compared as a run does it: {@code settings} on the corpus comparison's own
   * random stream under {@code rootSeed} (what {@code embdiff stats} reports for two sides).
   */
  public static CorpusStatistics.ComparisonReport corpusComparison(String nameA, Counts a, String nameB, Counts b,
      CorpusStatistics.Settings settings, long rootSeed) {
    return CorpusStatistics.compare(nameA, a, nameB, b, corpusComparisonSettings(settings, rootSeed));
  }

  /** {@code settings} on the corpus comparison's random stream under {@code rootSeed}. */
  static CorpusStatistics.Settings corpusComparisonSettings(CorpusStatistics.Settings settings, long rootSeed) {
    return settings.withSeed(Seeds.of(rootSeed, CORPUS_COMPARISON_STREAM));
  }

  /** Side A's co-occurrence matrix. */
  public static final Shared<CooccurrenceMatrixOfSide> COOCCURRENCE_A = Shared.ofCounts("co-occurrence matrix A",
      c -> cooccurrence(c.a()));

  /** Side B's co-occurrence matrix. */
  public static final Shared<CooccurrenceMatrixOfSide> COOCCURRENCE_B = Shared.ofCounts("co-occurrence matrix B",
      c -> cooccurrence(c.b()));

  /** The co-occurrence work of side A ({@code first}) or B. */
  static Shared<CooccurrenceMatrixOfSide> cooccurrenceOf(boolean first) {
    return first ? COOCCURRENCE_A : COOCCURRENCE_B;
  }

  /**
   * One side's co-occurrence matrix and its counting summary.
   *
   * @param side side name
   * @param summary counting summary
   * @param x the matrix of the most frequent words
   */
  public record CooccurrenceMatrixOfSide(String side, CooccurrenceSummary summary, CsrMatrix x) {}

  private static CooccurrenceMatrixOfSide cooccurrence(Side side) throws Exception {
    ByteVocabulary vocab = ByteVocabulary.of(side.corpusCounts().atLeast(COOCCURRENCE_MIN_COUNT));
    Path dir = Files.createTempDirectory("embdiff-cooc-");
    try {
      Path crec = dir.resolve("cooccurrence.crec");
      CooccurrenceOptions options = CooccurrenceOptions.defaults().withThreads(1).withTempDir(dir);
      CooccurrenceSummary s = new CooccurrenceCounter(vocab, options).count(side.spec().corpora(),
          SideLoader.tokenizerFor(side.spec()), crec, ProgressListener.NONE);
      return new CooccurrenceMatrixOfSide(side.name(), s, CooccurrenceMatrix.read(crec, vocab.size(), COOCCURRENCE_MAX_WORDS));
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /**
   * The side's space restricted to its {@code max} most frequent words (by its counts when it has
   * them, words without a count after every counted one; else row order, which is frequency order
   * in GloVe and word2vec files), in row order; the space itself when it has at most {@code max}.
   */
  public static org.embdiff.vec.EmbeddingSpace mostFrequent(Side side, int max) {
    org.embdiff.vec.EmbeddingSpace space = side.vectors().space();
    int n = space.size();
    if (n <= max) {
      return space;
    }
    long[] keys = new long[n];
    for (int r = 0; r < n; r++) {
      int rank = side.hasCounts() ? side.counts().rank(space.word(r)) : r;
      keys[r] = ((long) (rank < 0 ? Integer.MAX_VALUE : rank) << 32) | r;
    }
    java.util.Arrays.sort(keys);
    int[] rows = new int[max];
    for (int i = 0; i < max; i++) {
      rows[i] = (int) keys[i];
    }
    java.util.Arrays.sort(rows);
    return space.rows(rows);
  }

  private static ToIntFunction<String> rank(Counts counts) {
    return counts == null ? null : counts::rank;
  }
}
