package org.embdiff.replicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.embdiff.align.ShiftMeasure;
import org.embdiff.inference.MultipleComparisons;
import org.embdiff.inference.StudentT;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Seeds;

/**
 * The within-domain null of every shift measure from replicate spaces (Antoniak & Mimno 2018 on
 * the instability of spaces across seeds and bootstrap samples): the whole-corpus pair (A, B)
 * gives each word's observed shift, the within-domain pairs of bootstrap replicates
 * (A_r, A_r+1 mod R) and (B_r, B_r+1 mod R) its null level and spread.
 *
 * <p>Per word: z = (observed - null mean) / null sd over its 2R within-domain values, one-sided (a
 * domain shift only makes the measures larger). The empirical p-value reads z off the pooled null
 * z-scores of all tested words, 2R per word built from within-domain values only: each value
 * standardised by the mean and sd of the word's other 2R - 1 values (leave one out), the nearest
 * within-domain analogue of a new value against 2R reference values. (Standardising by one side's R
 * values alone gives t-like tails with R - 1 degrees of freedom, under which no word can reach
 * the Benjamini-Hochberg threshold at R = 3.) The Benjamini-Hochberg list at the chosen rate is
 * the significantly shifted words. Delta-bar is set against the within-domain Delta-bars with a
 * one-sided t prediction interval.
 *
 * @param settings the settings
 * @param replicates R
 * @param tested words tested (shared by all 2R + 1 pairs)
 * @param measures per measure, the per-word nulls
 * @param deltaBar Delta-bar against its null, or null when Delta_w is not among the measures
 */
public record ReplicateNull(ReplicateSettings settings, int replicates, int tested, List<MeasureNull> measures,
    MeanShift deltaBar) {

  /** The nulls of {@code measure}; throws when it was not computed. */
  public MeasureNull measure(ShiftMeasure measure) {
    return measures.stream().filter(m -> m.measure() == measure).findFirst().orElseThrow(
        () -> new IllegalArgumentException("measure " + measure + " was not computed; computed: "
            + measures.stream().map(MeasureNull::measure).toList()));
  }

  /** Compares every pair the null needs (2R + 1 shift analyses) and builds the nulls. */
  public static ReplicateNull analyze(ReplicateSpaces spaces, ReplicateSettings settings, ProgressListener progress) {
    int r = spaces.replicates();
    List<PairMeasures> cross = new ArrayList<>(), within = new ArrayList<>();
    progress.start("comparing replicate pairs", 2L * r + 1, "pairs");
    try {
      cross.add(PairMeasures.compute(spaces.fullA(), spaces.fullB(), settings,
          Seeds.derive(settings.rootSeed(), "replicate-pair", 0, 0)));
      progress.advance(1);
      for (int side = 0; side < 2; side++) {
        var list = side == 0 ? spaces.a() : spaces.b();
        for (int i = 0; i < r; i++) {
          within.add(PairMeasures.compute(list.get(i), list.get((i + 1) % r), settings,
              Seeds.derive(settings.rootSeed(), "replicate-pair", side + 1, i)));
          progress.advance(1);
        }
      }
    } finally {
      progress.finish();
    }
    return build(spaces, settings, cross, within);
  }

  /** As {@link #analyze(ReplicateSpaces, ReplicateSettings, ProgressListener)}, the 2R + 1 pairs compared as parallel tasks on {@code pool}. */
  public static ReplicateNull analyze(ReplicateSpaces spaces, ReplicateSettings settings, java.util.concurrent.ForkJoinPool pool) {
    int r = spaces.replicates();
    var crossTask = pool.submit(() -> PairMeasures.compute(spaces.fullA(), spaces.fullB(), settings,
        Seeds.derive(settings.rootSeed(), "replicate-pair", 0, 0)));
    List<java.util.concurrent.ForkJoinTask<PairMeasures>> tasks = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      var list = side == 0 ? spaces.a() : spaces.b();
      for (int i = 0; i < r; i++) {
        int s = side, index = i;
        tasks.add(pool.submit(() -> PairMeasures.compute(list.get(index), list.get((index + 1) % r), settings,
            Seeds.derive(settings.rootSeed(), "replicate-pair", s + 1, index))));
      }
    }
    List<PairMeasures> within = new ArrayList<>();
    for (var t : tasks) {
      within.add(t.join());
    }
    return build(spaces, settings, new ArrayList<>(List.of(crossTask.join())), within);
  }

  private static ReplicateNull build(ReplicateSpaces spaces, ReplicateSettings settings, List<PairMeasures> cross,
      List<PairMeasures> within) {
    int r = spaces.replicates();
    Set<String> common = new TreeSet<>(cross.get(0).values().keySet());
    for (PairMeasures p : cross) {
      common.retainAll(p.values().keySet());
    }
    for (PairMeasures p : within) {
      common.retainAll(p.values().keySet());
    }
    if (common.size() < 3) {
      throw new IllegalArgumentException("only " + common.size() + " words are in every replicate pair; the null needs "
          + "at least 3 (use larger corpora or a lower min-count)");
    }
    String[] words = common.toArray(String[]::new);
    List<MeasureNull> out = new ArrayList<>();
    MeanShift deltaBar = null;
    for (int m = 0; m < settings.measures().size(); m++) {
      ShiftMeasure measure = settings.measures().get(m);
      out.add(measureNull(measure, m, words, cross, within, r, settings.fdr()));
      if (measure == ShiftMeasure.DELTA) {
        deltaBar = meanShift(m, words, cross, within);
      }
    }
    return new ReplicateNull(settings, r, words.length, out, deltaBar);
  }

  private static MeasureNull measureNull(ShiftMeasure measure, int m, String[] words, List<PairMeasures> cross,
      List<PairMeasures> within, int r, double fdr) {
    int n = words.length;
    double[] observed = new double[n], mean = new double[n], sd = new double[n];
    double[][] values = new double[n][2 * r];
    for (int w = 0; w < n; w++) {
      observed[w] = cross.get(0).values().get(words[w])[m];
      for (int i = 0; i < r; i++) {
        values[w][i] = within.get(i).values().get(words[w])[m];
        values[w][r + i] = within.get(r + i).values().get(words[w])[m];
      }
      mean[w] = mean(values[w]);
      sd[w] = sd(values[w]);
    }
    // a floor on the spread, so words whose measure hardly varies (e.g. overlap 0 in every pair) get no infinite z
    double floor = Math.max(1e-9, 0.25 * median(sd));
    double[] z = new double[n];
    double[] nullZ = new double[2 * r * n];
    int k = 0;
    double[] others = new double[2 * r - 1];
    for (int w = 0; w < n; w++) {
      z[w] = (observed[w] - mean[w]) / Math.max(floor, sd[w]);
      for (int i = 0; i < 2 * r; i++) {
        for (int j = 0, o = 0; j < 2 * r; j++) {
          if (j != i) {
            others[o++] = values[w][j];
          }
        }
        nullZ[k++] = (values[w][i] - mean(others)) / Math.max(floor, sd(others));
      }
    }
    Arrays.sort(nullZ);
    double[] p = new double[n];
    for (int w = 0; w < n; w++) {
      int atLeast = nullZ.length - lowerBound(nullZ, z[w]);
      p[w] = (1.0 + atLeast) / (1.0 + nullZ.length);
    }
    double[] q = MultipleComparisons.benjaminiHochberg(p);
    List<WordNull> list = new ArrayList<>(n);
    for (int w = 0; w < n; w++) {
      list.add(new WordNull(words[w], observed[w], mean[w], Math.max(floor, sd[w]), z[w], p[w], q[w], q[w] <= fdr));
    }
    list.sort(Comparator.comparingDouble(WordNull::z).reversed().thenComparing(WordNull::word));
    List<String> significant = list.stream().filter(WordNull::significant).map(WordNull::word).toList();
    return new MeasureNull(measure, List.copyOf(list), significant, nullZ.length);
  }

  private static MeanShift meanShift(int m, String[] words, List<PairMeasures> cross, List<PairMeasures> within) {
    double[] w = new double[within.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = meanOver(within.get(i), words, m);
    }
    double observed = meanOver(cross.get(0), words, m);
    double level = mean(w);
    // one-sided 95% prediction bound of one new within-domain value: level + t(0.95, K-1) s sqrt(1 + 1/K)
    double t = StudentT.quantile(0.95, w.length - 1);
    double half = t * sd(w) * Math.sqrt(1 + 1.0 / w.length);
    double diff = observed - level;
    double diffHalf = t * sd(w) * Math.sqrt(1 + 1.0 / w.length);
    return new MeanShift(observed, new double[] {observed}, level, w, Double.NEGATIVE_INFINITY, level + half, diff,
        diff - diffHalf, Double.POSITIVE_INFINITY);
  }

  private static double meanOver(PairMeasures p, String[] words, int m) {
    double s = 0;
    for (String w : words) {
      s += p.values().get(w)[m];
    }
    return s / words.length;
  }

  /** Index of the first element >= x in sorted {@code a}. */
  private static int lowerBound(double[] a, double x) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double var(double[] x) {
    double m = mean(x), s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return x.length > 1 ? s / (x.length - 1) : 0;
  }

  static double sd(double[] x) {
    return Math.sqrt(var(x));
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
