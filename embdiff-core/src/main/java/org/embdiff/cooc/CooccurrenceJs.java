package org.embdiff.cooc;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.Interval;
import org.embdiff.claims.SideEstimate;
import org.embdiff.inference.Tests;
import org.embdiff.io.CompressedInput;
import org.embdiff.linalg.CsrMatrix;
import org.embdiff.stats.Counts;
import org.embdiff.text.Tokenizer;
import org.embdiff.util.ProgressListener;

/**
 * SPEC 10, claim "X_A != X_B": Jensen-Shannon divergence (bits) between the two sides' normalised
 * co-occurrence distributions P(i,j) = X_ij / sum X on the shared vocabulary, against a split-half
 * null level. Each corpus is split into two halves of lines (split 0: even/odd lines, further splits:
 * random lines); the null of a split is the larger of the two within-corpus JS(half 1, half 2), the
 * matching "between" value is the mean JS over the four cross pairs of halves, so both compare
 * half-corpora. Intervals are t-intervals over the splits.
 *
 * @param sharedWords words in both corpus vocabularies used (rows and columns of X)
 * @param full JS between the whole corpora
 * @param between per split, mean JS between half-corpora of different sides
 * @param nullA per split, JS between the two halves of side A's corpus
 * @param nullB per split, JS between the two halves of side B's corpus
 */
public record CooccurrenceJs(int sharedWords, double full, double[] between, double[] nullA, double[] nullB) {
  /** Splits of the corpora: even/odd lines plus random line splits. */
  public static final int SPLITS = 3;
  /** The confidence level of the intervals. */
  public static final double LEVEL = 0.95;
  /** How the statistic is computed, for the claim and the report. */
  public static final String METHOD = "JS divergence (bits) of the joint co-occurrence distributions on the shared vocabulary; "
      + "null = JS between two line-halves of one corpus (larger of the two sides), between = mean JS of the four "
      + "cross-side half pairs; " + SPLITS + " line splits (even/odd + random), t-intervals over the splits";

  /** Per split, the null level: the larger of the two sides' split-half JS. */
  public double[] nullLevel() {
    double[] out = new double[nullA.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(nullA[i], nullB[i]);
    }
    return out;
  }

  /** The between-sides estimate with its t-interval over the splits. */
  public SideEstimate betweenEstimate() {
    return estimate(between);
  }

  /** The null-level estimate with its t-interval over the splits. */
  public SideEstimate nullEstimate() {
    return estimate(nullLevel());
  }

  private static SideEstimate estimate(double[] x) {
    Interval ci = ClaimRules.of(Tests.tInterval(x, LEVEL));
    return SideEstimate.of(ci.estimate(), ci.lo(), ci.hi(), LEVEL);
  }

  /**
   * Computes the statistic for two corpora (lists of files each), counting co-occurrences as
   * the report's co-occurrence analysis does (window 10, 1/distance) on the {@code maxWords} most frequent
   * words with count at least {@code minCount} in both.
   */
  public static CooccurrenceJs compute(List<Path> corporaA, Tokenizer tokA, Counts countsA, List<Path> corporaB,
      Tokenizer tokB, Counts countsB, long minCount, int maxWords, long seed) throws IOException {
    ByteVocabulary vocab = sharedVocabulary(countsA, countsB, minCount, maxWords);
    if (vocab.size() < 2) {
      throw new IllegalArgumentException("the corpora share fewer than 2 words with count >= " + minCount);
    }
    Path dir = Files.createTempDirectory("embdiff-coocjs-");
    try {
      CooccurrenceOptions options = CooccurrenceOptions.defaults().withThreads(1).withTempDir(dir);
      double[] between = new double[SPLITS];
      double[] nullA = new double[SPLITS];
      double[] nullB = new double[SPLITS];
      CsrMatrix fullA = null;
      CsrMatrix fullB = null;
      SplittableRandom random = new SplittableRandom(seed);
      for (int s = 0; s < SPLITS; s++) {
        long splitSeed = s == 0 ? -1 : random.nextLong();
        CsrMatrix[] a = halves(corporaA, tokA, vocab, options, dir, "a", splitSeed);
        CsrMatrix[] b = halves(corporaB, tokB, vocab, options, dir, "b", splitSeed);
        nullA[s] = CooccurrenceDivergence.jensenShannonBits(a[0], a[1]);
        nullB[s] = CooccurrenceDivergence.jensenShannonBits(b[0], b[1]);
        between[s] = (CooccurrenceDivergence.jensenShannonBits(a[0], b[0])
            + CooccurrenceDivergence.jensenShannonBits(a[1], b[1])
            + CooccurrenceDivergence.jensenShannonBits(a[0], b[1])
            + CooccurrenceDivergence.jensenShannonBits(a[1], b[0])) / 4;
        if (s == 0) {
          fullA = plus(a[0], a[1]);
          fullB = plus(b[0], b[1]);
        }
      }
      return new CooccurrenceJs(vocab.size(), CooccurrenceDivergence.jensenShannonBits(fullA, fullB), between, nullA,
          nullB);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Words with count at least {@code minCount} on both sides, by summed relative frequency, at most {@code maxWords}. */
  static ByteVocabulary sharedVocabulary(Counts a, Counts b, long minCount, int maxWords) {
    Counts ca = a.atLeast(minCount);
    List<String> words = new ArrayList<>();
    List<double[]> weight = new ArrayList<>();
    double ta = Math.max(1, a.totalTokens());
    double tb = Math.max(1, b.totalTokens());
    for (int r = 0; r < ca.size(); r++) {
      String w = ca.word(r);
      long nb = b.count(w);
      if (nb >= minCount) {
        words.add(w);
        weight.add(new double[] {ca.count(r) / ta + nb / tb, words.size() - 1});
      }
    }
    weight.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
    int n = Math.min(maxWords, weight.size());
    byte[][] bytes = new byte[n][];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      String w = words.get((int) weight.get(i)[1]);
      bytes[i] = w.getBytes(StandardCharsets.UTF_8);
      counts[i] = ca.count(w) + b.count(w);
    }
    return ByteVocabulary.ofOrdered(bytes, counts);
  }

  /** The co-occurrence matrices of the two line-halves (seed -1: even/odd lines). */
  private static CsrMatrix[] halves(List<Path> corpora, Tokenizer tokenizer, ByteVocabulary vocab,
      CooccurrenceOptions options, Path dir, String tag, long seed) throws IOException {
    Path h0 = dir.resolve(tag + "-0.txt");
    Path h1 = dir.resolve(tag + "-1.txt");
    SplittableRandom random = seed == -1 ? null : new SplittableRandom(seed);
    long line = 0;
    try (BufferedWriter w0 = Files.newBufferedWriter(h0, StandardCharsets.UTF_8);
        BufferedWriter w1 = Files.newBufferedWriter(h1, StandardCharsets.UTF_8)) {
      for (Path corpus : corpora) {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(CompressedInput.open(corpus).stream(), StandardCharsets.UTF_8))) {
          for (String l = in.readLine(); l != null; l = in.readLine()) {
            boolean first = random == null ? (line & 1) == 0 : random.nextBoolean();
            BufferedWriter w = first ? w0 : w1;
            w.write(l);
            w.write('\n');
            line++;
          }
        }
      }
    }
    CsrMatrix[] out = new CsrMatrix[2];
    Path[] halves = {h0, h1};
    for (int i = 0; i < 2; i++) {
      Path crec = dir.resolve(tag + "-" + i + ".crec");
      new CooccurrenceCounter(vocab, options).count(List.of(halves[i]), tokenizer, crec, ProgressListener.NONE);
      out[i] = CooccurrenceMatrix.read(crec, vocab.size(), 0);
      Files.deleteIfExists(crec);
      Files.deleteIfExists(halves[i]);
    }
    return out;
  }

  /** Sum of two matrices of the same shape. */
  static CsrMatrix plus(CsrMatrix x, CsrMatrix y) {
    int n = x.rows();
    double[] acc = new double[x.cols()];
    boolean[] seen = new boolean[x.cols()];
    int[] ptr = new int[n + 1];
    int[] cols = new int[x.nnz() + y.nnz()];
    double[] vals = new double[cols.length];
    int at = 0;
    for (int r = 0; r < n; r++) {
      int start = at;
      for (CsrMatrix m : new CsrMatrix[] {x, y}) {
        for (int k = m.rowPtr()[r]; k < m.rowPtr()[r + 1]; k++) {
          int c = m.colIndex()[k];
          if (!seen[c]) {
            seen[c] = true;
            cols[at++] = c;
          }
          acc[c] += m.values()[k];
        }
      }
      Arrays.sort(cols, start, at);
      for (int k = start; k < at; k++) {
        vals[k] = acc[cols[k]];
        acc[cols[k]] = 0;
        seen[cols[k]] = false;
      }
      ptr[r + 1] = at;
    }
    return new CsrMatrix(n, x.cols(), ptr, Arrays.copyOf(cols, at), Arrays.copyOf(vals, at));
  }
}
