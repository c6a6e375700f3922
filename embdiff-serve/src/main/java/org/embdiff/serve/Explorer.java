package org.embdiff.serve;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import org.embdiff.align.Aligner;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.DomainShift;
import org.embdiff.align.SharedVocabulary;
import org.embdiff.align.ShiftAnalysis;
import org.embdiff.align.ShiftSettings;
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
import org.embdiff.vec.Neighbor;
import org.embdiff.vec.QuantizedNeighbors;
import org.embdiff.vec.VectorUtil;
import org.embdiff.vec.Vocabulary;

/**
 * Two spaces prepared for exploration: the shared vocabulary, each side's unit vectors restricted to
 * it (normalised once), a quantised index of the most frequent shared words for neighbour queries,
 * and a cache of neighbour lists; these are ready when {@link #build} returns, so word views are
 * answered at once. The shift table (alignment, Delta_w, neighbour overlap, second-order distance
 * from {@link DomainShift}, or a report folder's records) and the log-odds domain terms are
 * prepared on a background thread; until they are ready the views that need them say how far it
 * is. Every query method is thread-safe and returns a record of {@link Views}.
 */
public final class Explorer implements AutoCloseable {
  /** Every table column a client may sort by. */
  public static final List<String> SORT_KEYS = List.of("word", "rank", "delta", "cosine", "overlap10", "overlap100",
      "overlap1000", "second", "bandp");
  /** Tag names a client may filter by ("plain" = no tag). */
  public static final List<String> TAG_NAMES = List.of("pseudo-token", "junk", "probe", "number", "punctuation", "short",
      "stop-word", "plain");
  /** Neighbours are searched among this many most frequent shared words unless the settings say otherwise. */
  public static final int DEFAULT_SEARCH_WORDS = 50_000;
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

  private record Pending(int index, CompletableFuture<Lists> result) {}

  /** Most queries searched in one batch. */
  private static final int MAX_BATCH = 64;
  /** Most frequent words whose neighbour lists are computed first in the background. */
  private static final int WARM_WORDS = 256;

  private final WordTags wordTags;
  private final Side a;
  private final Side b;
  private final Settings settings;
  private final ReportRecords records;
  private final SharedVocabulary shared;
  private final EmbeddingSpace sa;
  private final EmbeddingSpace sb;
  private final int searchRows;
  private final QuantizedNeighbors nnA;
  private final QuantizedNeighbors nnB;
  private final String[] completionKeys;
  private final int[] completionIndex;
  private final Map<Integer, Lists> cache;
  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
  // one thread per core, each searching one batch on its own (no fork-join hand-offs); requests
  // arriving while both are busy form the next batch
  private final ThreadPoolExecutor searcher;
  // the shift table, the domain terms and (for a report folder) the alignment, one after another
  private final ThreadPoolExecutor preparer;
  private final Preparation preparation = new Preparation();
  private final CompletableFuture<Void> prepared = new CompletableFuture<>();
  private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile ShiftTable table;
  private volatile AlignmentResult alignment;
  private volatile Views.DomainTerms domain;

  private Explorer(Side a, Side b, Settings settings, ReportRecords records) {
    this.a = a;
    this.b = b;
    this.settings = settings;
    this.records = records;
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
    int want = settings.searchWords() == 0 ? n : settings.searchWords();
    searchRows = Math.max(2, Math.min(want, n));
    nnA = new QuantizedNeighbors(sa, searchRows);
    nnB = new QuantizedNeighbors(sb, searchRows);

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

    int capacity = settings.cacheWords();
    cache = Collections.synchronizedMap(new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Lists> eldest) {
        return size() > capacity;
      }
    });
    searcher = daemonPool("embdiff-serve-search", Runtime.getRuntime().availableProcessors(), true);
    preparer = daemonPool("embdiff-serve-prepare", 1, false);
  }

  private static ThreadPoolExecutor daemonPool(String name, int threads, boolean timeOut) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(timeOut);
    return pool;
  }

  /**
   * Prepares the two sides for word views; the shift table and the domain terms (computed, or read
   * from {@code records} when given) follow in the background once {@link #startPreparation} or
   * {@link #awaitPrepared} is called.
   *
   * @param records a report folder's result records, or null to compute everything
   */
  public static Explorer build(Side a, Side b, Settings settings, ReportRecords records) {
    if (a.name().equals(b.name())) {
      throw new IllegalArgumentException("the two sides need different names, both are '" + a.name() + "'");
    }
    return new Explorer(a, b, settings, records);
  }

  /**
   * Starts the shift table and the domain terms on the background thread (once; later calls do
   * nothing). The server calls it after it listens, so the preparation's parallel work does not
   * delay the first word view.
   */
  public Explorer startPreparation() {
    if (started.compareAndSet(false, true)) {
      preparer.execute(this::prepare);
    }
    return this;
  }

  /** {@link #build(Side, Side, Settings, ReportRecords)} computing everything. */
  public static Explorer build(Side a, Side b, Settings settings) {
    return build(a, b, settings, null);
  }

  /** Starts the preparation if needed and waits until the shift table and the domain terms are ready; rethrows their failure. */
  public Explorer awaitPrepared() {
    startPreparation();
    try {
      prepared.get();
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the shift table was prepared", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** Whether the shift table and the domain terms are ready. */
  public boolean isPrepared() {
    return prepared.isDone() && !prepared.isCompletedExceptionally();
  }

  @Override
  public void close() {
    preparer.shutdownNow();
    searcher.shutdownNow();
  }

  private void prepare() {
    try {
      int n = shared.size();
      int tableSize = Math.min(n, settings.tableWords());
      EmbeddingSpace ta = a.vectors().rows(Arrays.copyOf(shared.rowsA(), tableSize));
      EmbeddingSpace tb = b.vectors().rows(Arrays.copyOf(shared.rowsB(), tableSize));
      ShiftSettings base = ShiftSettings.defaults();
      long seed = records == null ? settings.seed() : records.seed();
      Aligner.Settings alignmentSettings = base.alignment().withSeed(seed);
      Set<String> probes = new java.util.HashSet<>(settings.probeWords());
      // the most frequent words are the likeliest to be asked for; searching them first also compiles the search path
      int frequent = Math.min(WARM_WORDS, n);
      preparation.stage("neighbour lists of the " + frequent + " most frequent shared words");
      for (int from = 0; from < frequent; from += MAX_BATCH) {
        lists(java.util.stream.IntStream.range(from, Math.min(frequent, from + MAX_BATCH)).toArray());
      }
      if (records != null && records.domainWords() != null) {
        preparation.stage("reading the domain terms from " + records.dir().getFileName() + "/domain-words.csv");
        domain = domainTerms(records.domainWords(), records.topA(), records.topB(), records.priorStrength(), records.unionTypes());
      }
      if (records != null && records.shift() != null) {
        table = new ShiftTable(records.shift(), records.overlapK(), wordTags, probes);
      }
      if (domain == null) {
        preparation.stage("computing the domain terms (log-odds)");
        domain = domainTerms(a, b, settings);
      }
      if (table == null) {
        ShiftSettings shiftSettings = new ShiftSettings(alignmentSettings, base.rankBy(), 50, 10, settings.probeWords(),
            settings.overlapK(), base.secondOrderK(), base.neighbors(), base.bandEdges(), base.bootstrapResamples(), seed);
        ToIntFunction<String> rankA = a.counts() == null ? null : a.counts()::rank;
        ToIntFunction<String> rankB = b.counts() == null ? null : b.counts()::rank;
        preparation.stage("computing the shift table of " + tableSize + " words");
        ShiftAnalysis shift = DomainShift.analyze(ta, tb, shiftSettings, rankA, a.countsSource(), rankB, b.countsSource(), preparation);
        alignment = shift.alignment();
        table = new ShiftTable(shift.words(), settings.overlapK(), wordTags, probes);
      } else {
        preparation.stage("aligning the spaces for the projection view (the report's method and seed)");
        alignment = Aligner.align(ta, tb, alignmentSettings, preparation);
      }
      preparation.stage("ready");
      prepared.complete(null);
    } catch (RuntimeException | Error e) {
      preparation.failed(e);
      prepared.completeExceptionally(e);
    }
  }

  /** What is being explored, and how far the background preparation is. */
  public Views.Meta meta() {
    ShiftTable t = table;
    AlignmentResult al = alignment;
    Views.DomainTerms d = domain;
    int n = shared.size();
    int rowsCount = t == null ? Math.min(n, settings.tableWords()) : t.size();
    Map<String, Double> diag = new LinkedHashMap<>();
    if (al != null) {
      diag.put("residualRms", al.diagnostics().residualRms());
      diag.put("anchorMeanCosine", al.diagnostics().anchorMeanCosine());
      diag.put("heldOutMeanCosine", al.diagnostics().heldOutMeanCosine());
      diag.put("sharedMeanCosine", al.diagnostics().sharedMeanCosine());
      diag.put("anchors", (double) al.anchors().count());
    }
    String note = rowsCount == n ? "every shared word" : "the " + rowsCount + " most frequent of " + n
        + " shared words (neighbour overlap needs an all-pairs search; raise the table size to cover more)";
    String source = records == null ? "computed at start-up"
        : "read from the report folder " + records.dir() + (records.shift() == null ? " (no shift.csv there: shift table computed)" : " (shift.csv")
            + (records.shift() == null ? "" : records.domainWords() == null ? "; no domain-words.csv: domain terms computed)" : ", domain-words.csv)");
    return new Views.Meta(version(), sideMeta(a), sideMeta(b), n, searchRows, rowsCount, t == null ? settings.overlapK() : t.overlapK(), note,
        al == null ? (isPrepared() ? "none" : "not yet computed") : al.describe(), diag, t == null ? List.of() : t.bands(), SORT_KEYS, TAG_NAMES,
        settings.probeWords(), NULL_MODEL, settings.maxK(), d != null && d.available(), d == null ? null : d.message(), t != null && isPrepared(),
        d != null, preparation.describe(), source);
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
    ShiftTable t = table;
    if (i < 0) {
      String why = inA || inB ? "'" + word + "' is only in " + (inA ? a.name() : b.name()) + "; the views compare words both spaces have"
          : "'" + word + "' is in neither vocabulary";
      return new Views.WordView(word, false, why, inA, inB, kk, count(a, word), count(b, word), perMillion(a, word),
          perMillion(b, word), null, null, List.of(), List.of(), List.of(), null, null, null, null, examples(a, word),
          examples(b, word), complete(word.length() > 3 ? word.substring(0, 3) : word, 8), t != null);
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
    Views.ShiftRow row = t == null ? null : t.row(word);
    Double percentile = null;
    Integer bandSize = null;
    if (row != null && row.delta() != null) {
      double[] d = t.bandDeltas(row.band());
      percentile = ShiftTable.lowerShare(d, row.delta());
      bandSize = d.length;
    }
    return new Views.WordView(word, true, null, true, true, kk, count(a, word), count(b, word), perMillion(a, word),
        perMillion(b, word), rank(shared.rankA(i)), rank(shared.rankB(i)), row == null ? tagNames(word) : row.tags(), na, nb,
        (double) common / Math.max(1, Math.min(ka, kb)), row, percentile, bandSize, examples(a, word), examples(b, word), List.of(),
        t != null);
  }

  /**
   * A page of the shift table ({@code ready} false with the progress while it is being computed).
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
    if (!SORT_KEYS.contains(sort)) {
      throw new IllegalArgumentException("unknown sort key '" + sort + "'; expected one of " + SORT_KEYS);
    }
    if (tag != null && !TAG_NAMES.contains(tag)) {
      throw new IllegalArgumentException("unknown tag '" + tag + "'; expected one of " + TAG_NAMES);
    }
    ShiftTable t = table;
    if (t == null) {
      return new Views.ShiftPage(false, preparation.describe(), 0, offset, limit, sort, descending ? "desc" : "asc", List.of());
    }
    return t.page(sort, descending, band, tag, maxBandP, contains, offset, limit);
  }

  /** The {@code n} presentable table words with the lowest overlap at {@code k}, each with its neighbourhood drawn per side. */
  public Views.Multiples multiples(int n, int k) {
    int kk = clampK(k);
    ShiftTable t = table;
    if (t == null) {
      return new Views.Multiples(false, preparation.describe(), kk, List.of());
    }
    List<Views.ShiftRow> chosen = t.lowestOverlap(n);
    List<Views.Multiple> out = new ArrayList<>();
    int count = chosen.size();
    int[] idx = new int[count];
    for (int c = 0; c < count; c++) {
      idx[c] = sa.indexOf(chosen.get(c).word());
    }
    Lists[] all = lists(idx);
    for (int c = 0; c < count; c++) {
      Views.ShiftRow row = chosen.get(c);
      int i = idx[c];
      Lists l = all[c];
      int[] la = Arrays.copyOf(l.a(), Math.min(kk, l.a().length));
      int[] lb = Arrays.copyOf(l.b(), Math.min(kk, l.b().length));
      Set<Integer> setA = new java.util.HashSet<>(), setB = new java.util.HashSet<>();
      Arrays.stream(la).forEach(setA::add);
      Arrays.stream(lb).forEach(setB::add);
      int common = (int) Arrays.stream(la).filter(setB::contains).count();
      out.add(new Views.Multiple(row.word(), (double) common / Math.max(1, Math.min(la.length, lb.length)), row.delta(),
          neighbourhood(sa, i, la, setB), neighbourhood(sb, i, lb, setA)));
    }
    return new Views.Multiples(true, null, kk, out);
  }

  /** The domain-terms plot ({@code ready} false while it is being computed). */
  public Views.DomainTerms domainTerms() {
    Views.DomainTerms d = domain;
    return d != null ? d : new Views.DomainTerms(false, false, preparation.describe(), List.of(), 0, 0);
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
    AlignmentResult al = alignment;
    ShiftTable t = table;
    if (al == null || t == null) {
      return new Views.Projection(isPrepared(), List.of(), words, 0, isPrepared() ? "no alignment" : preparation.describe());
    }
    EmbeddingSpace pa = al.spaceA(), pb = al.alignedB();
    Set<String> chosen = new LinkedHashSet<>();
    if (words.isEmpty()) {
      settings.probeWords().stream().filter(w -> pa.contains(w) && pb.contains(w)).forEach(chosen::add);
      t.mostShifted(12).stream().filter(w -> pa.contains(w) && pb.contains(w)).forEach(chosen::add);
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
      return new Views.Projection(true, List.of(), missing, 0, "give at least 2 words of the shift table (the aligned space covers its "
          + t.size() + " words)");
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
    return new Views.Projection(true, arrows, missing, pca.explainedVariance(), "Alignment: " + al.describe() + ".");
  }

  /** The neighbour lists of shared word {@code i}: from the cache, else from the next batched search. */
  private Lists lists(int i) {
    return lists(new int[] {i})[0];
  }

  /**
   * The neighbour lists of several shared words. Words not cached are queued for the searcher
   * threads; a free one takes everything queued at once and searches it as one batch per side (one
   * quantised scan of each side's searched rows for the whole batch, then exact re-ranking), so
   * concurrent requests share the scan.
   */
  private Lists[] lists(int[] indices) {
    Lists[] out = new Lists[indices.length];
    List<CompletableFuture<Lists>> waiting = new ArrayList<>();
    int[] slot = new int[indices.length];
    for (int j = 0; j < indices.length; j++) {
      out[j] = cache.get(indices[j]);
      if (out[j] == null) {
        CompletableFuture<Lists> f = new CompletableFuture<>();
        pending.add(new Pending(indices[j], f));
        slot[waiting.size()] = j;
        waiting.add(f);
      }
    }
    if (waiting.isEmpty()) {
      return out;
    }
    searcher.execute(this::searchPending);
    for (int w = 0; w < waiting.size(); w++) {
      try {
        out[slot[w]] = waiting.get(w).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a neighbour search", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  private void searchPending() {
    List<Pending> batch = new ArrayList<>();
    for (Pending p; batch.size() < MAX_BATCH && (p = pending.poll()) != null; ) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      int m = batch.size();
      int k = Math.min(settings.maxK(), searchRows - 1);
      int candidates = QuantizedNeighbors.candidatesFor(k);
      float[][] qa = new float[m][], qb = new float[m][], scoresA = new float[m][], scoresB = new float[m][];
      int[][] exclude = new int[m][];
      for (int j = 0; j < m; j++) {
        int i = batch.get(j).index();
        qa[j] = sa.vector(i);
        qb[j] = sb.vector(i);
        exclude[j] = new int[] {i};
      }
      int[][] ra = nnA.searchRows(qa, exclude, k, candidates, scoresA, false);
      int[][] rb = nnB.searchRows(qb, exclude, k, candidates, scoresB, false);
      for (int j = 0; j < m; j++) {
        Lists l = new Lists(ra[j], scoresA[j], rb[j], scoresB[j]);
        cache.put(batch.get(j).index(), l);
        batch.get(j).result().complete(l);
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(p -> p.result().completeExceptionally(e));
    }
    if (!pending.isEmpty()) {
      searcher.execute(this::searchPending);
    }
  }

  /** What the background thread is doing, for the page: the stage, and the task and its count inside it. */
  private static final class Preparation implements ProgressListener {
    private final long started = System.nanoTime();
    private volatile String stage = "starting";
    private volatile String task;
    private volatile long total;
    private volatile String unit;
    private final AtomicLong done = new AtomicLong();
    private volatile String failure;

    void stage(String s) {
      stage = s;
      task = null;
    }

    void failed(Throwable e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void start(String t, long totalUnits, String u) {
      done.set(0);
      total = totalUnits;
      unit = u;
      task = t;
    }

    @Override
    public void advance(long delta) {
      done.addAndGet(delta);
    }

    @Override
    public void finish() {
      task = null;
    }

    String describe() {
      if (failure != null) {
        return "the background preparation failed: " + failure;
      }
      String t = task;
      String s = stage + (t == null ? "" : ": " + t + (total > 0 ? " " + done.get() + " / " + total + " " + unit : ""));
      return String.format(Locale.ROOT, "%s (%.0f s since start-up)", s, (System.nanoTime() - started) / 1e9);
    }
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

  private Views.DomainTerms domainTerms(Side a, Side b, Settings s) {
    if (a.counts() == null || b.counts() == null) {
      String missing = a.counts() == null ? a.name() : b.name();
      return new Views.DomainTerms(true, false, "needs word counts on both sides (a frequency list or a corpus); " + missing
          + " has none", List.of(), 0, 0);
    }
    DomainDivergence div = DomainDivergence.of(a.counts(), b.counts(), DomainDivergence.Settings.defaults());
    return domainTerms(div.words(), div.topA(), div.topB(), div.priorStrength(), div.unionTypes());
  }

  /** The plot: the {@code domainPoints} most frequent words (15 labelled per side) plus each side's most characteristic. */
  private Views.DomainTerms domainTerms(List<WordContribution> words, List<WordContribution> topA, List<WordContribution> topB,
      double priorStrength, int unionTypes) {
    if (a.counts() == null || b.counts() == null) {
      return new Views.DomainTerms(true, false, "needs word counts on both sides (a frequency list or a corpus)", List.of(), 0, 0);
    }
    double na = a.counts().keptTokens(), nb = b.counts().keptTokens();
    List<WordContribution> all = new ArrayList<>(words);
    all.sort(Comparator.comparingDouble((WordContribution w) -> -(w.pA() + w.pB())).thenComparing(WordContribution::word));
    Map<String, WordContribution> chosen = new LinkedHashMap<>();
    all.stream().limit(settings.domainPoints()).forEach(w -> chosen.put(w.word(), w));
    Set<String> labels = new java.util.HashSet<>();
    List<WordContribution> byZ = new ArrayList<>(chosen.values());
    byZ.sort(Comparator.comparingDouble(WordContribution::z));
    for (int j = 0; j < Math.min(LABELS_PER_SIDE, byZ.size()); j++) {
      labels.add(byZ.get(j).word());
      labels.add(byZ.get(byZ.size() - 1 - j).word());
    }
    for (WordContribution w : topA) {
      chosen.putIfAbsent(w.word(), w);
    }
    for (WordContribution w : topB) {
      chosen.putIfAbsent(w.word(), w);
    }
    List<Views.Term> terms = new ArrayList<>();
    for (WordContribution w : chosen.values()) {
      terms.add(new Views.Term(w.word(), w.countA(), w.countB(), Math.log10((w.countA() + 0.5) / na * 1e6),
          Math.log10((w.countB() + 0.5) / nb * 1e6), w.z(), sa.contains(w.word()), labels.contains(w.word())));
    }
    return new Views.DomainTerms(true, true, null, terms, priorStrength, unionTypes);
  }

  private static Views.SideMeta sideMeta(Side s) {
    return new Views.SideMeta(s.name(), s.vectorsSource(), s.vectors().size(), s.vectors().dim(), s.countsSource(),
        s.counts() == null ? 0 : s.counts().totalTokens(), s.examples() == null ? 0 : s.examples().lineCount());
  }

  private static String version() {
    String v = Explorer.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  static String tagName(WordTag t) {
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
    return Math.max(1, Math.min(k, Math.min(settings.maxK(), searchRows - 1)));
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
