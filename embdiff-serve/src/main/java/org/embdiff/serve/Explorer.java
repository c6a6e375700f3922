package org.embdiff.serve;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.DomainShift;
import org.embdiff.align.SharedVocabulary;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.align.ShiftSettings;
import org.embdiff.align.WordShift;
import org.embdiff.align.WordTag;
import org.embdiff.align.WordTags;
import org.embdiff.attention.PcaProjection;
import org.embdiff.eval.AnalogyEvaluator;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.stats.Counts;
import org.embdiff.stats.DomainDivergence;
import org.embdiff.stats.WordContribution;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
import org.embdiff.vec.Neighbor;
import org.embdiff.vec.VectorUtil;
import org.embdiff.vec.Vocabulary;

/**
 * Two spaces prepared for exploration: the shared vocabulary, each side's unit vectors restricted to
 * it (normalised once), the shift table of the most frequent shared words (alignment, Delta_w,
 * neighbour overlap, second-order distance from {@link DomainShift}), the log-odds domain terms
 * when both sides have counts, and a cache of neighbour lists. Every query method is thread-safe
 * and returns a record of {@link Views}.
 */
public final class Explorer {
  /** Every table column a client may sort by. */
  public static final List<String> SORT_KEYS = List.of("word", "rank", "delta", "cosine", "overlap10", "overlap100",
      "overlap1000", "second", "bandp");
  /** Tag names a client may filter by ("plain" = no tag). */
  public static final List<String> TAG_NAMES = List.of("pseudo-token", "junk", "probe", "number", "punctuation", "short",
      "stop-word", "plain");
  private static final String NULL_MODEL = "frequency-band null: Delta_w is compared with every table word in the same "
      + "frequency band (by the rarer side's rank); bandP is the share of the band with a Delta_w at least as large. No "
      + "replicate null: these are two pretrained spaces, not replicates trained on resampled corpora.";
  private static final int LABELS_PER_SIDE = 15;

  /**
   * One side.
   *
   * @param counts word counts (a frequency list, else the corpus), or null
   * @param countsSource where the counts come from, for the page
   * @param examples corpus lines for keyword in context, or null
   */
  public record Side(String name, String vectorsSource, EmbeddingSpace vectors, Counts counts, String countsSource,
      ExampleLines examples) {}

  /**
   * Settings.
   *
   * @param tableWords most frequent shared words that get the full shift measures (all-pairs neighbour overlap)
   * @param overlapK the largest k of the table's neighbour overlap (10, 100 or 1000; larger is slower)
   * @param searchWords neighbours are searched among this many most frequent shared words (0 = all)
   * @param maxK the largest k a client may ask for
   * @param cacheWords neighbour lists kept (least recently used dropped)
   * @param examples keyword-in-context lines shown per side
   * @param domainPoints most frequent words drawn in the domain-terms plot (plus the extremes)
   * @param probeWords words tagged "probe" (followed through the views)
   * @param seed seed of the alignment diagnostics and the bootstrap
   */
  public record Settings(int tableWords, int overlapK, int searchWords, int maxK, int cacheWords, int examples, int domainPoints, List<String> probeWords,
      long seed) {
    /** Validates. */
    public Settings {
      if (overlapK != 10 && overlapK != 100 && overlapK != 1000) {
        throw new IllegalArgumentException("overlapK must be 10, 100 or 1000, got " + overlapK);
      }
      if (searchWords < 0) {
        throw new IllegalArgumentException("searchWords must be >= 0 (0 = all), got " + searchWords);
      }
      if (tableWords < 3 || maxK < 1 || cacheWords < 1 || examples < 0 || domainPoints < 1) {
        throw new IllegalArgumentException("invalid explorer settings: tableWords " + tableWords + " (>= 3), maxK " + maxK
            + ", cacheWords " + cacheWords + ", examples " + examples + ", domainPoints " + domainPoints);
      }
      probeWords = List.copyOf(probeWords);
    }
  }

  private record Lists(int[] a, float[] simA, int[] b, float[] simB) {}

  private final WordTags wordTags;
  private final Side a;
  private final Side b;
  private final Settings settings;
  private final SharedVocabulary shared;
  private final EmbeddingSpace sa;
  private final EmbeddingSpace sb;
  private final NearestNeighbors nnA;
  private final NearestNeighbors nnB;
  private final ShiftAnalysis shift;
  private final Views.ShiftRow[] rows;
  private final Object2IntOpenHashMap<String> rowOf;
  private final int[] tagBits;
  private final boolean[] presentable;
  private final Map<String, double[]> bandDeltas;
  private final Map<String, int[]> orders;
  private final String[] completionKeys;
  private final int[] completionIndex;
  private final Views.DomainTerms domain;
  private final Map<Integer, Lists> cache;
  private final Views.Meta meta;

  private Explorer(Side a, Side b, Settings settings, ProgressListener progress) {
    this.a = a;
    this.b = b;
    this.settings = settings;
    wordTags = WordTags.english();
    ToIntFunction<String> rankA = a.counts() == null ? null : a.counts()::rank;
    ToIntFunction<String> rankB = b.counts() == null ? null : b.counts()::rank;
    shared = SharedVocabulary.of(a.vectors(), b.vectors(), rankA, rankB, wordTags);
    int n = shared.size();
    if (n < 3) {
      throw new IllegalArgumentException("the two spaces share only " + n + " words; the explorer needs at least 3");
    }
    sa = a.vectors().unitNormalized().rows(shared.rowsA());
    sb = b.vectors().unitNormalized().rows(shared.rowsB());
    nnA = new NearestNeighbors(sa);
    nnB = new NearestNeighbors(sb);

    int tableSize = Math.min(n, settings.tableWords());
    EmbeddingSpace ta = tableSize == n ? a.vectors() : a.vectors().rows(Arrays.copyOf(shared.rowsA(), tableSize));
    EmbeddingSpace tb = tableSize == n ? b.vectors() : b.vectors().rows(Arrays.copyOf(shared.rowsB(), tableSize));
    ShiftSettings base = ShiftSettings.defaults();
    // one bootstrap resample: the band CIs of the summary are not shown here, and 1,000 cost seconds
    ShiftSettings shiftSettings = new ShiftSettings(base.alignment().withSeed(settings.seed()), base.rankBy(), 50, 10,
        settings.probeWords(), settings.overlapK(), base.secondOrderK(), base.neighbors(), base.bandEdges(), 1, settings.seed());
    shift = DomainShift.analyze(ta, tb, shiftSettings, rankA, a.countsSource(), rankB, b.countsSource(), progress);

    Set<String> probes = new java.util.HashSet<>(settings.probeWords());
    List<WordShift> words = shift.words();
    rows = new Views.ShiftRow[words.size()];
    rowOf = new Object2IntOpenHashMap<>(words.size());
    rowOf.defaultReturnValue(-1);
    tagBits = new int[words.size()];
    presentable = new boolean[words.size()];
    Map<String, List<Double>> perBand = new LinkedHashMap<>();
    for (WordShift w : words) {
      if (w.delta() != null) {
        perBand.computeIfAbsent(rarerBand(w), x -> new ArrayList<>()).add(w.delta());
      }
    }
    bandDeltas = new LinkedHashMap<>();
    perBand.forEach((band, list) -> {
      double[] d = list.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(d);
      bandDeltas.put(band, d);
    });
    for (int i = 0; i < words.size(); i++) {
      WordShift w = words.get(i);
      EnumSet<WordTag> t = wordTags.tags(w.word());
      List<String> names = new ArrayList<>();
      int bits = 0;
      for (WordTag tag : t) {
        String name = tagName(tag);
        names.add(name);
        bits |= 1 << TAG_NAMES.indexOf(name);
      }
      if (probes.contains(w.word())) {
        names.add("probe");
        bits |= 1 << TAG_NAMES.indexOf("probe");
      }
      if (bits == 0) {
        bits = 1 << TAG_NAMES.indexOf("plain");
      }
      tagBits[i] = bits;
      presentable[i] = w.presentable();
      String band = rarerBand(w);
      Double bandP = w.delta() == null ? null : upperTail(bandDeltas.get(band), w.delta());
      rows[i] = new Views.ShiftRow(w.word(), rank(w.rankA() - 1), rank(w.rankB() - 1), band, w.delta(), w.cosineDistance(), w.overlap10(),
          settings.overlapK() >= 100 ? w.overlap100() : null, settings.overlapK() >= 1000 ? w.overlap1000() : null, w.secondOrder(), bandP, List.copyOf(names));
      rowOf.put(w.word(), i);
    }
    orders = new LinkedHashMap<>();
    for (String key : SORT_KEYS) {
      Comparator<Integer> c = comparator(key, words);
      orders.put(key, IntStream.range(0, rows.length).boxed().sorted(c).mapToInt(Integer::intValue).toArray());
    }

    Integer[] byKey = new Integer[n];
    String[] lower = new String[n];
    for (int i = 0; i < n; i++) {
      byKey[i] = i;
      lower[i] = shared.word(i).toLowerCase(Locale.ROOT);
    }
    Arrays.sort(byKey, Comparator.comparing((Integer i) -> lower[i]).thenComparingInt(i -> i));
    completionKeys = new String[n];
    completionIndex = new int[n];
    for (int j = 0; j < n; j++) {
      completionKeys[j] = lower[byKey[j]];
      completionIndex[j] = byKey[j];
    }

    domain = domainTerms(a, b, settings, sa);
    int capacity = settings.cacheWords();
    cache = Collections.synchronizedMap(new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Lists> eldest) {
        return size() > capacity;
      }
    });
    meta = buildMeta(n);
  }

  /** Prepares the two sides (the shift table's all-pairs search is the slow part: seconds for 12k words). */
  public static Explorer build(Side a, Side b, Settings settings, ProgressListener progress) {
    if (a.name().equals(b.name())) {
      throw new IllegalArgumentException("the two sides need different names, both are '" + a.name() + "'");
    }
    return new Explorer(a, b, settings, progress);
  }

  /** What is being explored. */
  public Views.Meta meta() {
    return meta;
  }

  /** Settings in force. */
  public Settings settings() {
    return settings;
  }

  /** Up to {@code limit} shared words starting with {@code prefix} (case-insensitive), most frequent first. */
  public List<String> complete(String prefix, int limit) {
    String p = prefix.toLowerCase(Locale.ROOT);
    int from = lowerBound(p);
    IntArrayList hits = new IntArrayList();
    for (int j = from; j < completionKeys.length && completionKeys[j].startsWith(p); j++) {
      hits.add(completionIndex[j]);
    }
    int[] h = hits.toIntArray();
    Arrays.sort(h);
    List<String> out = new ArrayList<>();
    for (int j = 0; j < Math.min(limit, h.length); j++) {
      out.add(shared.word(h[j]));
    }
    return out;
  }

  /** The word view with {@code k} neighbours per side (1..maxK). */
  public Views.WordView word(String word, int k) {
    int kk = clampK(k);
    int i = sa.indexOf(word);
    boolean inA = a.vectors().contains(word), inB = b.vectors().contains(word);
    if (i < 0) {
      String why = inA || inB ? "'" + word + "' is only in " + (inA ? a.name() : b.name()) + "; the views compare words both spaces have"
          : "'" + word + "' is in neither vocabulary";
      return new Views.WordView(word, false, why, inA, inB, kk, count(a, word), count(b, word), perMillion(a, word),
          perMillion(b, word), null, null, List.of(), List.of(), List.of(), null, null, null, null, examples(a, word),
          examples(b, word), complete(word.length() > 3 ? word.substring(0, 3) : word, 8));
    }
    Lists l = lists(i);
    int ka = Math.min(kk, l.a().length), kb = Math.min(kk, l.b().length);
    Set<Integer> setA = new java.util.HashSet<>(), setB = new java.util.HashSet<>();
    for (int j = 0; j < ka; j++) {
      setA.add(l.a()[j]);
    }
    for (int j = 0; j < kb; j++) {
      setB.add(l.b()[j]);
    }
    List<Views.Neighbour> na = new ArrayList<>(), nb = new ArrayList<>();
    int common = 0;
    for (int j = 0; j < ka; j++) {
      boolean both = setB.contains(l.a()[j]);
      common += both ? 1 : 0;
      na.add(new Views.Neighbour(shared.word(l.a()[j]), l.simA()[j], both));
    }
    for (int j = 0; j < kb; j++) {
      nb.add(new Views.Neighbour(shared.word(l.b()[j]), l.simB()[j], setA.contains(l.b()[j])));
    }
    int r = rowOf.getInt(word);
    Views.ShiftRow row = r < 0 ? null : rows[r];
    Double percentile = null;
    Integer bandSize = null;
    if (row != null && row.delta() != null) {
      double[] d = bandDeltas.get(row.band());
      percentile = lowerShare(d, row.delta());
      bandSize = d.length;
    }
    return new Views.WordView(word, true, null, true, true, kk, count(a, word), count(b, word), perMillion(a, word),
        perMillion(b, word), rank(shared.rankA(i)), rank(shared.rankB(i)), row == null ? tagNames(word) : row.tags(), na, nb,
        (double) common / Math.max(1, Math.min(ka, kb)), row, percentile, bandSize, examples(a, word), examples(b, word), List.of());
  }

  /**
   * A page of the shift table.
   *
   * @param sort one of {@link #SORT_KEYS}
   * @param descending order
   * @param band a band label, or null for all
   * @param tag one of {@link #TAG_NAMES}, or null for all
   * @param maxBandP keep rows with bandP at most this (e.g. 0.05), or null
   * @param contains keep words containing this (case-insensitive), or null
   */
  public Views.ShiftPage table(String sort, boolean descending, String band, String tag, Double maxBandP, String contains,
      int offset, int limit) {
    int[] order = orders.get(sort);
    if (order == null) {
      throw new IllegalArgumentException("unknown sort key '" + sort + "'; expected one of " + SORT_KEYS);
    }
    int tagBit = 0;
    if (tag != null) {
      int t = TAG_NAMES.indexOf(tag);
      if (t < 0) {
        throw new IllegalArgumentException("unknown tag '" + tag + "'; expected one of " + TAG_NAMES);
      }
      tagBit = 1 << t;
    }
    String needle = contains == null ? null : contains.toLowerCase(Locale.ROOT);
    List<Views.ShiftRow> page = new ArrayList<>();
    int total = 0;
    for (int j = 0; j < order.length; j++) {
      int i = order[descending ? order.length - 1 - j : j];
      Views.ShiftRow row = rows[i];
      if ((band != null && !band.equals(row.band())) || (tagBit != 0 && (tagBits[i] & tagBit) == 0)
          || (maxBandP != null && (row.bandP() == null || row.bandP() > maxBandP))
          || (needle != null && !row.word().toLowerCase(Locale.ROOT).contains(needle))) {
        continue;
      }
      if (total >= offset && page.size() < limit) {
        page.add(row);
      }
      total++;
    }
    return new Views.ShiftPage(total, offset, limit, sort, descending ? "desc" : "asc", page);
  }

  /** The {@code n} presentable table words with the lowest overlap at {@code k}, each with its neighbourhood drawn per side. */
  public Views.Multiples multiples(int n, int k) {
    int kk = clampK(k);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      if (presentable[i]) {
        candidates.add(i);
      }
    }
    candidates.sort(Comparator.comparingDouble((Integer i) -> rows[i].overlap10()).thenComparing(i -> rows[i].delta() == null
        ? 0 : -rows[i].delta()).thenComparingInt(i -> i));
    List<Views.Multiple> out = new ArrayList<>();
    for (int c = 0; c < Math.min(n, candidates.size()); c++) {
      Views.ShiftRow row = rows[candidates.get(c)];
      int i = sa.indexOf(row.word());
      Lists l = lists(i);
      int[] la = Arrays.copyOf(l.a(), Math.min(kk, l.a().length));
      int[] lb = Arrays.copyOf(l.b(), Math.min(kk, l.b().length));
      Set<Integer> setA = new java.util.HashSet<>(), setB = new java.util.HashSet<>();
      Arrays.stream(la).forEach(setA::add);
      Arrays.stream(lb).forEach(setB::add);
      int common = (int) Arrays.stream(la).filter(setB::contains).count();
      out.add(new Views.Multiple(row.word(), (double) common / Math.max(1, Math.min(la.length, lb.length)), row.delta(),
          neighbourhood(sa, i, la, setB), neighbourhood(sb, i, lb, setA)));
    }
    return new Views.Multiples(kk, out);
  }

  /** The domain-terms plot (precomputed). */
  public Views.DomainTerms domainTerms() {
    return domain;
  }

  /** a : b :: c : ? by 3CosAdd in each whole space (question words excluded, gensim's case-insensitive lookup). */
  public Views.Analogy analogy(String x, String y, String z, int k) {
    return new Views.Analogy(x, y, z, answers(a, x, y, z, clampK(k)), answers(b, x, y, z, clampK(k)));
  }

  /** cos(w1, w2) in each space. */
  public Views.Similarity similarity(String w1, String w2) {
    Object[] ca = cosine(a, w1, w2), cb = cosine(b, w1, w2);
    return new Views.Similarity(w1, w2, (Double) ca[0], (String) ca[1], (Double) cb[0], (String) cb[1]);
  }

  /**
   * Chosen words in the aligned space, B → A: each side centred on its own mean over these words
   * and scaled to unit root-mean-square norm (so neither a global offset nor a scale difference
   * between the spaces is drawn as movement), then the first two principal components of all 2n points.
   *
   * @param words the words; empty means the probe words and the most shifted words
   */
  public Views.Projection projection(List<String> words) {
    AlignmentResult al = shift.alignment();
    if (al == null) {
      return new Views.Projection(List.of(), words, 0, "no alignment");
    }
    EmbeddingSpace pa = al.spaceA(), pb = al.alignedB();
    Set<String> chosen = new LinkedHashSet<>();
    if (words.isEmpty()) {
      settings.probeWords().stream().filter(w -> pa.contains(w) && pb.contains(w)).forEach(chosen::add);
      for (ShiftAnalysis.ShiftedWord w : shift.mostShifted()) {
        if (chosen.size() >= settings.probeWords().size() + 12) {
          break;
        }
        chosen.add(w.shift().word());
      }
      chosen.removeIf(w -> !pa.contains(w) || !pb.contains(w));
    }
    List<String> missing = new ArrayList<>();
    for (String w : words) {
      if (pa.contains(w) && pb.contains(w)) {
        chosen.add(w);
      } else {
        missing.add(w);
      }
    }
    List<String> list = new ArrayList<>(chosen);
    int m = list.size(), d = pa.dim();
    if (m < 2) {
      return new Views.Projection(List.of(), missing, 0, "give at least 2 words of the shift table (the aligned space covers its "
          + rows.length + " words)");
    }
    float[] points = new float[2 * m * d];
    String[] names = new String[2 * m];
    for (int i = 0; i < m; i++) {
      pb.copyRow(pb.indexOf(list.get(i)), points, i * d);
      pa.copyRow(pa.indexOf(list.get(i)), points, (m + i) * d);
      names[i] = "b\u0000" + list.get(i);
      names[m + i] = "a\u0000" + list.get(i);
    }
    for (int side = 0; side < 2; side++) {
      centreAndScale(points, side * m, m, d);
    }
    PcaProjection pca = PcaProjection.fit(new EmbeddingSpace(new Vocabulary(names), d, points), 2);
    double[] xy = pca.apply(toDouble(points), 2 * m);
    List<Views.Arrow> arrows = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      arrows.add(new Views.Arrow(list.get(i), xy[2 * i], xy[2 * i + 1], xy[2 * (m + i)], xy[2 * (m + i) + 1]));
    }
    return new Views.Projection(arrows, missing, pca.explainedVariance(), "Alignment: " + al.describe() + ".");
  }

  private Lists lists(int i) {
    Lists l = cache.get(i);
    if (l != null) {
      return l;
    }
    int rows = searchRows();
    int k = Math.min(settings.maxK(), rows - 1);
    float[][] scoresA = new float[1][], scoresB = new float[1][];
    int[] ra = nnA.searchRows(new float[][] {sa.vector(i)}, new int[][] {{i}}, k, rows, scoresA)[0];
    int[] rb = nnB.searchRows(new float[][] {sb.vector(i)}, new int[][] {{i}}, k, rows, scoresB)[0];
    l = new Lists(ra, scoresA[0], rb, scoresB[0]);
    cache.put(i, l);
    return l;
  }

  private List<Views.Point> neighbourhood(EmbeddingSpace space, int self, int[] list, Set<Integer> other) {
    int d = space.dim();
    int m = list.length + 1;
    float[] pts = new float[m * d];
    String[] names = new String[m];
    space.copyRow(self, pts, 0);
    names[0] = space.word(self);
    for (int j = 0; j < list.length; j++) {
      space.copyRow(list[j], pts, (j + 1) * d);
      names[j + 1] = space.word(list[j]);
    }
    centreAndScale(pts, 0, m, d);
    double[] xy = m > 2 ? PcaProjection.fit(new EmbeddingSpace(new Vocabulary(names), d, pts), 2).apply(toDouble(pts), m)
        : new double[2 * m];
    double max = 1e-12;
    for (double v : xy) {
      max = Math.max(max, Math.abs(v));
    }
    List<Views.Point> out = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      out.add(new Views.Point(names[j], xy[2 * j] / max, xy[2 * j + 1] / max, j == 0, j > 0 && other.contains(list[j - 1])));
    }
    return out;
  }

  private static void centreAndScale(float[] pts, int firstRow, int rowsCount, int d) {
    double[] mean = new double[d];
    for (int i = 0; i < rowsCount; i++) {
      for (int c = 0; c < d; c++) {
        mean[c] += pts[(firstRow + i) * d + c] / (double) rowsCount;
      }
    }
    double ss = 0;
    for (int i = 0; i < rowsCount; i++) {
      for (int c = 0; c < d; c++) {
        float v = (float) (pts[(firstRow + i) * d + c] - mean[c]);
        pts[(firstRow + i) * d + c] = v;
        ss += v * v;
      }
    }
    double rms = Math.sqrt(ss / rowsCount);
    if (rms > 0) {
      for (int i = 0; i < rowsCount * d; i++) {
        pts[firstRow * d + i] /= (float) rms;
      }
    }
  }

  private static double[] toDouble(float[] f) {
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i];
    }
    return out;
  }

  private Views.Answers answers(Side side, String x, String y, String z, int k) {
    try {
      List<Views.Neighbour> out = new ArrayList<>();
      for (Neighbor nb : AnalogyEvaluator.answer(side.vectors(), x, y, z, AnalogySettings.defaults(), k)) {
        out.add(new Views.Neighbour(nb.word(), nb.similarity(), false));
      }
      return new Views.Answers(out, null);
    } catch (IllegalArgumentException e) {
      return new Views.Answers(List.of(), side.name() + ": " + e.getMessage());
    }
  }

  private static Object[] cosine(Side side, String w1, String w2) {
    EmbeddingSpace v = side.vectors();
    for (String w : List.of(w1, w2)) {
      if (!v.contains(w)) {
        return new Object[] {null, "'" + w + "' is not in " + side.name()};
      }
    }
    return new Object[] {(double) VectorUtil.cosine(v.vector(w1), v.vector(w2)), null};
  }

  private Views.DomainTerms domainTerms(Side a, Side b, Settings s, EmbeddingSpace sharedA) {
    if (a.counts() == null || b.counts() == null) {
      String missing = a.counts() == null ? a.name() : b.name();
      return new Views.DomainTerms(false, "needs word counts on both sides (a frequency list or a corpus); " + missing
          + " has none", List.of(), 0, 0);
    }
    DomainDivergence.Settings ds = DomainDivergence.Settings.defaults();
    DomainDivergence div = DomainDivergence.of(a.counts(), b.counts(), ds);
    double na = a.counts().keptTokens(), nb = b.counts().keptTokens();
    List<WordContribution> all = new ArrayList<>(div.words());
    all.sort(Comparator.comparingDouble((WordContribution w) -> -(w.pA() + w.pB())).thenComparing(WordContribution::word));
    Map<String, WordContribution> chosen = new LinkedHashMap<>();
    all.stream().limit(s.domainPoints()).forEach(w -> chosen.put(w.word(), w));
    Set<String> labels = new java.util.HashSet<>();
    List<WordContribution> byZ = new ArrayList<>(chosen.values());
    byZ.sort(Comparator.comparingDouble(WordContribution::z));
    for (int j = 0; j < Math.min(LABELS_PER_SIDE, byZ.size()); j++) {
      labels.add(byZ.get(j).word());
      labels.add(byZ.get(byZ.size() - 1 - j).word());
    }
    for (WordContribution w : div.topA()) {
      chosen.putIfAbsent(w.word(), w);
    }
    for (WordContribution w : div.topB()) {
      chosen.putIfAbsent(w.word(), w);
    }
    List<Views.Term> terms = new ArrayList<>();
    for (WordContribution w : chosen.values()) {
      terms.add(new Views.Term(w.word(), w.countA(), w.countB(), Math.log10((w.countA() + 0.5) / na * 1e6),
          Math.log10((w.countB() + 0.5) / nb * 1e6), w.z(), sharedA.contains(w.word()), labels.contains(w.word())));
    }
    return new Views.DomainTerms(true, null, terms, div.priorStrength(), div.unionTypes());
  }

  private Views.Meta buildMeta(int n) {
    AlignmentResult al = shift.alignment();
    Map<String, Double> diag = new LinkedHashMap<>();
    if (al != null) {
      diag.put("residualRms", al.diagnostics().residualRms());
      diag.put("anchorMeanCosine", al.diagnostics().anchorMeanCosine());
      diag.put("heldOutMeanCosine", al.diagnostics().heldOutMeanCosine());
      diag.put("sharedMeanCosine", al.diagnostics().sharedMeanCosine());
      diag.put("anchors", (double) al.anchors().count());
    }
    String note = rows.length == n ? "every shared word" : "the " + rows.length + " most frequent of " + n
        + " shared words (neighbour overlap needs an all-pairs search; raise the table size to cover more)";
    return new Views.Meta(version(), sideMeta(a), sideMeta(b), n, searchRows(), rows.length, settings.overlapK(), note, al == null ? "none" : al.describe(), diag,
        new ArrayList<>(bandDeltas.keySet()), SORT_KEYS, TAG_NAMES, settings.probeWords(), NULL_MODEL, settings.maxK(),
        domain.available(), domain.message());
  }

  private static Views.SideMeta sideMeta(Side s) {
    return new Views.SideMeta(s.name(), s.vectorsSource(), s.vectors().size(), s.vectors().dim(), s.countsSource(),
        s.counts() == null ? 0 : s.counts().totalTokens(), s.examples() == null ? 0 : s.examples().lineCount());
  }

  private static String version() {
    String v = Explorer.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  private Comparator<Integer> comparator(String key, List<WordShift> words) {
    Comparator<Integer> byRank = Comparator.comparingInt(i -> Math.max(words.get(i).rankA(), words.get(i).rankB()));
    Comparator<Integer> primary = switch (key) {
      case "word" -> Comparator.comparing(i -> rows[i].word());
      case "rank" -> byRank;
      case "delta" -> Comparator.comparingDouble(i -> nullLow(rows[i].delta()));
      case "cosine" -> Comparator.comparingDouble(i -> nullLow(rows[i].cosineDistance()));
      case "overlap10" -> Comparator.comparingDouble(i -> rows[i].overlap10());
      case "overlap100" -> Comparator.comparingDouble(i -> nullLow(rows[i].overlap100()));
      case "overlap1000" -> Comparator.comparingDouble(i -> nullLow(rows[i].overlap1000()));
      case "second" -> Comparator.comparingDouble(i -> rows[i].secondOrder());
      case "bandp" -> Comparator.comparingDouble(i -> rows[i].bandP() == null ? 2 : rows[i].bandP());
      default -> throw new IllegalArgumentException(key);
    };
    return primary.thenComparing(byRank).thenComparing(i -> rows[i].word());
  }

  private static double nullLow(Double v) {
    return v == null ? Double.NEGATIVE_INFINITY : v;
  }

  private static String rarerBand(WordShift w) {
    return w.rankA() >= w.rankB() ? w.bandA() : w.bandB();
  }

  /** Share of sorted {@code d} at least {@code v}. */
  static double upperTail(double[] d, double v) {
    int lo = 0, hi = d.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (d[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (double) (d.length - lo) / d.length;
  }

  /** Share of sorted {@code d} strictly below {@code v}. */
  static double lowerShare(double[] d, double v) {
    return 1 - upperTail(d, v);
  }

  private static String tagName(WordTag t) {
    return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private List<String> tagNames(String word) {
    List<String> out = new ArrayList<>();
    wordTags.tags(word).forEach(t -> out.add(tagName(t)));
    if (settings.probeWords().contains(word)) {
      out.add("probe");
    }
    return out;
  }

  private int clampK(int k) {
    return Math.max(1, Math.min(k, Math.min(settings.maxK(), searchRows() - 1)));
  }

  private int searchRows() {
    return settings.searchWords() == 0 ? shared.size() : Math.max(2, Math.min(settings.searchWords(), shared.size()));
  }

  private int lowerBound(String p) {
    int lo = 0, hi = completionKeys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (completionKeys[mid].compareTo(p) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static Integer rank(int zeroBased) {
    return zeroBased >= Integer.MAX_VALUE / 4 ? null : zeroBased + 1;
  }

  private static Long count(Side s, String w) {
    return s.counts() == null ? null : s.counts().count(w);
  }

  private static Double perMillion(Side s, String w) {
    return s.counts() == null || s.counts().keptTokens() == 0 ? null : 1e6 * s.counts().count(w) / s.counts().keptTokens();
  }

  private List<Views.Example> examples(Side s, String w) {
    if (s.examples() == null || settings.examples() == 0) {
      return List.of();
    }
    List<Views.Example> out = new ArrayList<>();
    for (ExampleLines.Line l : s.examples().of(w, settings.examples())) {
      out.add(new Views.Example(l.left(), l.match(), l.right()));
    }
    return out;
  }
}
