package org.embdiff.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Interval;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;

/** Computes a {@link ShiftAnalysis}: which shared words moved between two spaces, and how much. */
public final class DomainShift {
  /** The band of words the frequency list does not have. */
  static final String NOT_IN_LIST = "not in list";

  /** Why Delta_w is refused without an alignment. */
  public static final String UNALIGNED_MESSAGE = "Delta_w = ||A(w) - B(w)|| without an alignment is not a shift: two "
      + "embedding spaces are only defined up to rotation (and here maybe dimension), so the raw difference measures the "
      + "arbitrary coordinates, not meaning; align B onto A (procrustes, pca-procrustes or lstsq), or rank by an "
      + "alignment-free measure (overlap10, overlap100, overlap1000, second-order)";

  /** Queries per chunk of the all-pairs neighbour search (bounds memory at chunk x k ints per side). */
  private static final int CHUNK = 1024;

  private DomainShift() {}

  /** Analyses A vs B with ranks from row order (frequency order in GloVe/word2vec files). */
  public static ShiftAnalysis analyze(EmbeddingSpace a, EmbeddingSpace b, ShiftSettings settings, ProgressListener progress) {
    return analyze(a, b, settings, null, "row order of A", null, "row order of B", progress);
  }

  /**
   * Analyses A vs B.
   *
   * @param rankA 0-based frequency rank of a word in A (-1 unknown), or null for row order
   * @param rankB the same for B
   */
  public static ShiftAnalysis analyze(EmbeddingSpace a, EmbeddingSpace b, ShiftSettings settings, ToIntFunction<String> rankA,
      String rankSourceA, ToIntFunction<String> rankB, String rankSourceB, ProgressListener progress) {
    WordTags tags = WordTags.english();
    SharedVocabulary shared = SharedVocabulary.of(a, b, rankA, rankB, tags).top(settings.maxWords());
    int n = shared.size();
    if (n < 3) {
      throw new IllegalArgumentException("the two spaces share only " + n + " words; a shift analysis needs at least 3");
    }
    Aligner.Fitted fitted = settings.alignment() == null ? null : Aligner.fit(a, b, shared, settings.alignment(), tags);

    double[] ov10 = new double[n], ov100 = new double[n], ov1000 = new double[n], second = new double[n];
    if (settings.neighbourMeasures()) {
      neighbourMeasures(a, b, shared, settings, ov10, ov100, ov1000, second, progress);
    } else {
      for (double[] v : List.of(ov10, ov100, ov1000, second)) {
        java.util.Arrays.fill(v, Double.NaN);
      }
    }

    List<Integer> edges = settings.bandEdges();
    List<WordShift> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String w = shared.word(i);
      words.add(new WordShift(w, shared.rankA(i) + 1, shared.rankB(i) + 1, band(shared.rankA(i) + 1, edges),
          band(shared.rankB(i) + 1, edges), fitted == null ? null : fitted.delta()[i],
          fitted == null ? null : 1 - fitted.cosine()[i], ov10[i], ov100[i], ov1000[i], second[i], tags.presentable(w)));
    }

    // summaries overall and per band of the rarer side
    BandSummaryBuilder overall = new BandSummaryBuilder("all");
    Map<String, BandSummaryBuilder> perBand = new LinkedHashMap<>();
    for (int e = 0; e <= edges.size(); e++) {
      String label = bandLabel(e, edges);
      perBand.put(label, new BandSummaryBuilder(label));
    }
    perBand.put(NOT_IN_LIST, new BandSummaryBuilder(NOT_IN_LIST));
    for (int i = 0; i < n; i++) {
      WordShift w = words.get(i);
      overall.add(w);
      perBand.get(band(Math.max(w.rankA(), w.rankB()), edges)).add(w);
    }
    List<ShiftAnalysis.BandSummary> bands = new ArrayList<>();
    for (BandSummaryBuilder bb : perBand.values()) {
      if (bb.count() > 0) {
        bands.add(bb.build(settings, fitted != null));
      }
    }

    // the lists, with neighbours in both whole spaces
    ShiftMeasure by = settings.rankBy();
    Comparator<WordShift> most = Comparator.comparingDouble((WordShift w) -> w.value(by)).reversed()
        .thenComparingInt(w -> Math.max(w.rankA(), w.rankB()));
    List<WordShift> presentable = words.stream().filter(WordShift::presentable).toList();
    List<WordShift> mostList = presentable.stream().sorted(most).limit(settings.top()).toList();
    List<WordShift> leastList = presentable.stream().sorted(most.reversed()).limit(settings.top()).toList();
    Map<String, List<WordShift>> bandLists = new LinkedHashMap<>();
    if (settings.perBand() > 0) {
      for (String label : perBand.keySet()) {
        List<WordShift> l = presentable.stream().filter(w -> band(Math.max(w.rankA(), w.rankB()), edges).equals(label))
            .sorted(most).limit(settings.perBand()).toList();
        if (!l.isEmpty()) {
          bandLists.put(label, l);
        }
      }
    }
    Map<String, WordShift> byWord = new java.util.HashMap<>();
    for (WordShift w : words) {
      byWord.put(w.word(), w);
    }
    List<WordShift> focusList = settings.focusWords().stream().filter(byWord::containsKey).map(byWord::get).toList();
    Neighbours neighbours = new Neighbours(a, b, settings.neighbourMeasures() ? settings.neighbors() : 0, tags);
    Map<String, List<ShiftAnalysis.ShiftedWord>> bandOut = new LinkedHashMap<>();
    bandLists.forEach((label, l) -> bandOut.put(label, neighbours.list(l, by)));
    return new ShiftAnalysis(fitted == null ? null : fitted.result(), shared.summary(),
        rankA == null ? "row order of A" : rankSourceA, rankB == null ? "row order of B" : rankSourceB, by, edges,
        overall.build(settings, fitted != null), bands, neighbours.list(mostList, by), neighbours.list(leastList, by), bandOut,
        neighbours.list(focusList, by), words);
  }

  /** Neighbour overlap at 10, 100 and k and the second-order distance of every shared word (Gonen et al. 2020; Hamilton et al. 2016). */
  private static void neighbourMeasures(EmbeddingSpace a, EmbeddingSpace b, SharedVocabulary shared, ShiftSettings settings,
      double[] ov10, double[] ov100, double[] ov1000, double[] second, ProgressListener progress) {
    int n = shared.size();
    // the shared rows first, normalised after: no unit copy of the whole spaces
    EmbeddingSpace sa = a.rows(shared.rowsA()).unitNormalized();
    EmbeddingSpace sb = b.rows(shared.rowsB()).unitNormalized();
    int k = Math.min(settings.maxOverlapK(), n - 1);
    int k2 = Math.min(settings.secondOrderK(), k);
    NearestNeighbors nnA = new NearestNeighbors(sa), nnB = new NearestNeighbors(sb);
    int[] stamp = new int[n];
    java.util.Arrays.fill(stamp, -1);
    progress.start("neighbour overlap (" + n + " shared words, k = " + k + ")", n, "words");
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      float[][] qa = new float[to - from][], qb = new float[to - from][];
      int[][] exclude = new int[to - from][];
      for (int i = from; i < to; i++) {
        qa[i - from] = sa.vector(i);
        qb[i - from] = sb.vector(i);
        exclude[i - from] = new int[] {i};
      }
      int[][] na = nnA.searchRows(qa, exclude, k, n, null);
      int[][] nb = nnB.searchRows(qb, exclude, k, n, null);
      for (int i = from; i < to; i++) {
        int[] la = na[i - from], lb = nb[i - from];
        ov10[i] = overlap(la, lb, Math.min(10, k), stamp, i * 3);
        // the overlap at 1000 is not measured when a smaller largest k was asked for
        ov100[i] = overlap(la, lb, Math.min(100, k), stamp, i * 3 + 1);
        ov1000[i] = settings.maxOverlapK() >= 1000 ? overlap(la, lb, k, stamp, i * 3 + 2) : Double.NaN;
        second[i] = secondOrder(sa, sb, i, la, lb, k2);
      }
      progress.advance(to - from);
    }
    progress.finish();
  }

  /** |first m of la ∩ first m of lb| / m, using {@code stamp} as a scratch set. */
  private static double overlap(int[] la, int[] lb, int m, int[] stamp, int id) {
    int ma = Math.min(m, la.length), mb = Math.min(m, lb.length);
    for (int j = 0; j < mb; j++) {
      stamp[lb[j]] = id;
    }
    int common = 0;
    for (int j = 0; j < ma; j++) {
      if (stamp[la[j]] == id) {
        common++;
      }
    }
    return m == 0 ? 0 : (double) common / m;
  }

  /**
   * Hamilton, Leskovec & Jurafsky (2016), "Cultural shift or linguistic drift?": the union N of the
   * k nearest neighbours of w in both spaces; s_A = (cos_A(w, x))_{x in N}, s_B likewise; the
   * distance is the cosine distance between s_A and s_B.
   */
  private static double secondOrder(EmbeddingSpace sa, EmbeddingSpace sb, int w, int[] la, int[] lb, int k) {
    it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet union = new it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet();
    for (int j = 0; j < Math.min(k, la.length); j++) {
      union.add(la[j]);
    }
    for (int j = 0; j < Math.min(k, lb.length); j++) {
      union.add(lb[j]);
    }
    double dot = 0, na = 0, nb = 0;
    float[] ma = sa.matrix(), mb = sb.matrix();
    int da = sa.dim(), db = sb.dim();
    for (int x : union) {
      double ca = org.embdiff.vec.VectorUtil.dot(ma, w * da, ma, x * da, da);
      double cb = org.embdiff.vec.VectorUtil.dot(mb, w * db, mb, x * db, db);
      dot += ca * cb;
      na += ca * ca;
      nb += cb * cb;
    }
    return na == 0 || nb == 0 ? 1 : 1 - dot / Math.sqrt(na * nb);
  }

  static String band(int rank, List<Integer> edges) {
    if (rank > SharedVocabulary.UNRANKED) {
      return NOT_IN_LIST; // a word missing from the frequency list has no rank, not a rare one
    }
    for (int e = 0; e < edges.size(); e++) {
      if (rank <= edges.get(e)) {
        return bandLabel(e, edges);
      }
    }
    return bandLabel(edges.size(), edges);
  }

  private static String bandLabel(int e, List<Integer> edges) {
    if (e == edges.size()) {
      return ">" + human(edges.get(e - 1));
    }
    return (e == 0 ? "1" : human(edges.get(e - 1) + 1)) + "-" + human(edges.get(e));
  }

  private static String human(int v) {
    return v % 1000 == 0 ? v / 1000 + "k" : Integer.toString(v);
  }

  private static final class BandSummaryBuilder {
    private final String label;
    private final List<Double> delta = new ArrayList<>();
    private double ov10, ov100, second;
    private int count;

    BandSummaryBuilder(String label) {
      this.label = label;
    }

    void add(WordShift w) {
      count++;
      if (w.delta() != null) {
        delta.add(w.delta());
      }
      ov10 += w.overlap10();
      ov100 += w.overlap100();
      second += w.secondOrder();
    }

    int count() {
      return count;
    }

    ShiftAnalysis.BandSummary build(ShiftSettings s, boolean aligned) {
      double[] d = delta.stream().mapToDouble(Double::doubleValue).toArray();
      boolean measurable = aligned && d.length >= 2;
      Bootstrap.Settings boot = new Bootstrap.Settings(s.bootstrapResamples(), 0.95, Bootstrap.Method.PERCENTILE);
      Interval mean = measurable ? Bootstrap.mean(d, boot, new SplittableRandom(s.seed())) : null;
      Interval median = measurable ? Bootstrap.median(d, boot, new SplittableRandom(s.seed())) : null;
      return new ShiftAnalysis.BandSummary(label, count, mean, median, ov10 / count, ov100 / count, second / count);
    }
  }

  /** Top neighbours of listed words in both whole spaces, searched in one batch per side (none when k = 0). */
  private static final class Neighbours {
    private final EmbeddingSpace a, b;
    private final NearestNeighbors nnA, nnB;
    private final int k;
    private final WordTags tags;

    Neighbours(EmbeddingSpace a, EmbeddingSpace b, int k, WordTags tags) {
      this.tags = tags;
      this.a = a;
      this.b = b;
      this.nnA = k == 0 ? null : new NearestNeighbors(a);
      this.nnB = k == 0 ? null : new NearestNeighbors(b);
      this.k = k;
    }

    List<ShiftAnalysis.ShiftedWord> list(List<WordShift> words, ShiftMeasure by) {
      List<List<String>> na = search(a, nnA, words), nb = search(b, nnB, words);
      List<ShiftAnalysis.ShiftedWord> out = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        out.add(new ShiftAnalysis.ShiftedWord(words.get(i), words.get(i).value(by), na.get(i), nb.get(i)));
      }
      return out;
    }

    private List<List<String>> search(EmbeddingSpace s, NearestNeighbors nn, List<WordShift> words) {
      if (k == 0) {
        return words.stream().map(w -> List.<String>of()).toList();
      }
      float[][] q = new float[words.size()][];
      int[][] ex = new int[words.size()][];
      for (int i = 0; i < words.size(); i++) {
        int row = s.indexOf(words.get(i).word());
        q[i] = s.vector(row);
        ex[i] = new int[] {row};
      }
      // a few spare neighbours, so that junk can be hidden and k remain
      int[][] rows = nn.searchRows(q, ex, k + 10, s.size(), null);
      List<List<String>> out = new ArrayList<>();
      for (int[] r : rows) {
        List<String> l = new ArrayList<>();
        for (int x : r) {
          if (l.size() < k && !tags.tags(s.word(x)).contains(WordTag.JUNK)) {
            l.add(s.word(x));
          }
        }
        out.add(l);
      }
      return out;
    }
  }
}
