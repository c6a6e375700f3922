package org.embdiff.eval;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Neighbor;
import org.embdiff.vec.VectorUtil;

/**
 * Answers analogy questions {@code a : b :: c : ?} in batch and scores them as gensim's
 * {@code KeyedVectors.evaluate_word_analogies} does.
 *
 * <p>Batched search: for 3CosAdd the score of candidate d is cos(d, b) + cos(d, c) - cos(d, a)
 * (the same ranking as gensim's cosine with the normalised mean of b, c, -a), and for 3CosMul a
 * product of the same cosines. So only the cosines between the few distinct question words (about
 * 900 in the Google set) and the candidates are needed: one matrix product S = Q V^T
 * ({@link VectorUtil#dotBlock}, SIMD where enabled), computed in blocks of candidates small enough
 * to stay in cache, after which each question reads three rows of the block, keeps its top 5 and
 * counts the candidates scoring above the expected word (its rank). This does ~20x fewer
 * multiply-adds than one query per question.
 *
 * <p>gensim semantics reproduced: the candidate set and the lookup are the first
 * {@code restrictVocab} rows; case-insensitive lookup upper-cases both sides and keeps the first
 * (most frequent) row of each upper-cased form; a question with a word outside the lookup is
 * skipped; the three question rows are excluded, the top 5 answers are taken and the first whose
 * upper-cased form is not a question word is the prediction.
 */
public final class AnalogyEvaluator {
  /** gensim's {@code topn} in {@code evaluate_word_analogies}. */
  static final int GENSIM_TOPN = 5;
  /** Floats in one block of candidates: 256 KB, which stays in a core's L2 cache while Q streams past. */
  private static final int BLOCK_FLOATS = 1 << 16;
  /** Question words per {@code dotBlock} call and parallel task (16+ lets SIMD kernels use their tiled path). */
  private static final int SLOT_GROUP = 32;
  /** Questions per parallel task when scanning a block. */
  private static final int QUESTION_CHUNK = 64;

  private AnalogyEvaluator() {}

  /** Evaluates {@code set} on {@code space}. */
  public static AnalogyResult evaluate(EmbeddingSpace space, AnalogySet set, AnalogySettings settings) {
    return evaluate(space, set, settings, ProgressListener.NONE);
  }

  /** Evaluates {@code set} on {@code space}, reporting progress per block of candidates. */
  public static AnalogyResult evaluate(EmbeddingSpace space, AnalogySet set, AnalogySettings settings, ProgressListener progress) {
    EmbeddingSpace unit = space.unitNormalized();
    int n = Math.min(settings.restrictVocab(), unit.size());
    boolean ci = settings.caseInsensitive();
    Object2IntOpenHashMap<String> lookup = lookup(unit, n, ci);
    List<AnalogySet.Question> answered = new ArrayList<>();
    List<int[]> rows = new ArrayList<>();
    for (AnalogySet.Question q : set.questions()) {
      int ra = lookup.getInt(key(q.a(), ci));
      int rb = lookup.getInt(key(q.b(), ci));
      int rc = lookup.getInt(key(q.c(), ci));
      int rd = lookup.getInt(key(q.d(), ci));
      if (ra >= 0 && rb >= 0 && rc >= 0 && rd >= 0) {
        answered.add(q);
        rows.add(new int[] {ra, rb, rc, rd});
      }
    }
    int count = answered.size();
    int[] qa = new int[count], qb = new int[count], qc = new int[count], qd = new int[count];
    for (int i = 0; i < count; i++) {
      int[] r = rows.get(i);
      qa[i] = r[0];
      qb[i] = r[1];
      qc[i] = r[2];
      qd[i] = r[3];
    }
    Scan scan = scan(unit, n, qa, qb, qc, qd, GENSIM_TOPN, settings, progress);

    List<AnalogyResult.AnalogyOutcome> outcomes = new ArrayList<>(count);
    Map<String, int[]> perSection = new LinkedHashMap<>();
    for (String s : set.sections()) {
      perSection.putIfAbsent(s, new int[3]);
    }
    for (AnalogySet.Question q : set.questions()) {
      perSection.get(q.section())[0]++;
    }
    double[] epsL2 = new double[count];
    double[] epsCos = new double[count];
    double[] ranks = new double[count];
    int correct = 0;
    for (int i = 0; i < count; i++) {
      AnalogySet.Question q = answered.get(i);
      String ka = key(q.a(), ci), kb = key(q.b(), ci), kc = key(q.c(), ci), kd = key(q.d(), ci);
      String predictedKey = null;
      String predictedWord = null;
      for (int j = 0; j < scan.found[i]; j++) {
        String word = unit.word(scan.rows[i * scan.k + j]);
        predictedKey = key(word, ci);
        predictedWord = word;
        if (!predictedKey.equals(ka) && !predictedKey.equals(kb) && !predictedKey.equals(kc)) {
          break;
        }
      }
      boolean ok = kd.equals(predictedKey);
      correct += ok ? 1 : 0;
      int[] sec = perSection.get(q.section());
      sec[1]++;
      sec[2] += ok ? 1 : 0;
      double[] eps = epsilon(unit, qa[i], qb[i], qc[i], qd[i]);
      epsL2[i] = eps[0];
      epsCos[i] = eps[1];
      ranks[i] = scan.ranks[i];
      outcomes.add(new AnalogyResult.AnalogyOutcome(q.section(), q.line(), q.a(), q.b(), q.c(), q.d(), predictedWord, ok,
          scan.ranks[i], eps[0], eps[1]));
    }
    List<AnalogyResult.SectionAccuracy> sections = new ArrayList<>();
    for (Map.Entry<String, int[]> e : perSection.entrySet()) {
      int[] v = e.getValue();
      sections.add(new AnalogyResult.SectionAccuracy(e.getKey(), v[0], v[1], v[2], v[1] == 0 ? 0 : (double) v[2] / v[1]));
    }
    int total = set.questions().size();
    return new AnalogyResult(set.name(), settings, n, total, count, correct, count == 0 ? 0 : (double) correct / count,
        total == 0 ? 0 : (double) count / total, sections, Summary.of(epsL2), Summary.of(epsCos),
        Summary.of(IntStream.range(0, count).filter(i -> scan.ranks[i] > 0).mapToDouble(i -> ranks[i]).toArray()), outcomes);
  }

  /**
   * The best {@code k} answers to {@code a : b :: c : ?} (question words excluded), with their
   * scores: for 3CosAdd the cosine of d with b - a + c (unit vectors), for 3CosMul the 3CosMul
   * objective.
   *
   * @throws IllegalArgumentException naming a word that is not among the candidates
   */
  public static List<Neighbor> answer(EmbeddingSpace space, String a, String b, String c, AnalogySettings settings, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    EmbeddingSpace unit = space.unitNormalized();
    int n = Math.min(settings.restrictVocab(), unit.size());
    Object2IntOpenHashMap<String> lookup = lookup(unit, n, settings.caseInsensitive());
    int[] r = new int[3];
    String[] words = {a, b, c};
    for (int i = 0; i < 3; i++) {
      r[i] = lookup.getInt(key(words[i], settings.caseInsensitive()));
      if (r[i] < 0) {
        throw new org.embdiff.util.InvalidSetting("candidate words", Integer.toString(n), "enough to include '" + words[i]
            + "'" + (settings.caseInsensitive() ? " (case-insensitive)" : "") + ", or another word");
      }
    }
    Scan scan = scan(unit, n, new int[] {r[0]}, new int[] {r[1]}, new int[] {r[2]}, null, k, settings, ProgressListener.NONE);
    double offsetNorm = 1;
    if (settings.method() == AnalogyMethod.COS_ADD) {
      double[] x = offset(unit, r[0], r[1], r[2]);
      double s = 0;
      for (double v : x) {
        s += v * v;
      }
      offsetNorm = Math.sqrt(s);
    }
    List<Neighbor> out = new ArrayList<>();
    for (int j = 0; j < scan.found[0]; j++) {
      int row = scan.rows[j];
      out.add(new Neighbor(row, unit.word(row), (float) (scan.scores[j] / offsetNorm)));
    }
    return out;
  }

  /** The lookup key of a word under the case policy. */
  static String key(String word, boolean caseInsensitive) {
    return caseInsensitive ? word.toUpperCase(Locale.ROOT) : word;
  }

  /** Key to row over the first {@code n} rows; the first row of each key wins (gensim). */
  static Object2IntOpenHashMap<String> lookup(EmbeddingSpace space, int n, boolean caseInsensitive) {
    Object2IntOpenHashMap<String> map = new Object2IntOpenHashMap<>(n);
    map.defaultReturnValue(-1);
    for (int i = 0; i < n; i++) {
      map.putIfAbsent(key(space.word(i), caseInsensitive), i);
    }
    return map;
  }

  private static double[] offset(EmbeddingSpace unit, int ra, int rb, int rc) {
    int dim = unit.dim();
    float[] m = unit.matrix();
    double[] x = new double[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = (double) m[rb * dim + i] - m[ra * dim + i] + m[rc * dim + i];
    }
    return x;
  }

  /** eps = ||(b - a + c) - d||_2 and 1 - cos(b - a + c, d) on unit vectors. */
  private static double[] epsilon(EmbeddingSpace unit, int ra, int rb, int rc, int rd) {
    int dim = unit.dim();
    float[] m = unit.matrix();
    double[] x = offset(unit, ra, rb, rc);
    double dist = 0, dot = 0, xx = 0, dd = 0;
    for (int i = 0; i < dim; i++) {
      double d = m[rd * dim + i];
      dist += (x[i] - d) * (x[i] - d);
      dot += x[i] * d;
      xx += x[i] * x[i];
      dd += d * d;
    }
    double cos = xx == 0 || dd == 0 ? 0 : dot / Math.sqrt(xx * dd);
    return new double[] {Math.sqrt(dist), 1 - cos};
  }

  /** Per question: best rows and scores (descending), how many, and the rank of the expected row. */
  private record Scan(int k, int[] rows, float[] scores, int[] found, int[] ranks) {}

  private static Scan scan(EmbeddingSpace unit, int n, int[] qa, int[] qb, int[] qc, int[] qd, int k,
      AnalogySettings settings, ProgressListener progress) {
    int count = qa.length;
    int dim = unit.dim();
    float[] v = unit.matrix();
    boolean mul = settings.method() == AnalogyMethod.COS_MUL;
    float eps = (float) settings.epsilon();
    // the distinct question words become the rows of Q
    Int2IntOpenHashMap slotOf = new Int2IntOpenHashMap();
    slotOf.defaultReturnValue(-1);
    List<Integer> slotRows = new ArrayList<>();
    int[] sa = new int[count], sb = new int[count], sc = new int[count];
    for (int i = 0; i < count; i++) {
      sa[i] = slot(slotOf, slotRows, qa[i]);
      sb[i] = slot(slotOf, slotRows, qb[i]);
      sc[i] = slot(slotOf, slotRows, qc[i]);
    }
    int m = slotRows.size();
    float[] q = new float[m * dim];
    for (int s = 0; s < m; s++) {
      System.arraycopy(v, slotRows.get(s) * dim, q, s * dim, dim);
    }
    // score of the expected word; the scan never counts the expected row itself, so rounding
    // differences between this dot product and the block's cannot shift the rank by one
    float[] target = new float[count];
    if (qd != null) {
      for (int i = 0; i < count; i++) {
        target[i] = combine(mul, eps, cell(mul, q, sa[i], v, qd[i], dim), cell(mul, q, sb[i], v, qd[i], dim),
            cell(mul, q, sc[i], v, qd[i], dim));
      }
    }
    int kk = Math.min(k, n);
    int[] bestRows = new int[count * kk];
    float[] bestScores = new float[count * kk];
    int[] found = new int[count];
    int[] above = new int[count];
    int block = Math.max(64, Math.min(4096, BLOCK_FLOATS / dim));
    int groups = (m + SLOT_GROUP - 1) / SLOT_GROUP;
    // S = Q V^T for one block of candidates, SLOT_GROUP question words per array (one task each)
    float[][] sim = new float[groups][];
    for (int g = 0; g < groups; g++) {
      sim[g] = new float[Math.min(SLOT_GROUP, m - g * SLOT_GROUP) * block];
    }
    int blocks = (n + block - 1) / block;
    progress.start("analogies (" + count + " questions)", blocks, "blocks");
    for (int lo = 0; lo < n; lo += block) {
      int len = Math.min(block, n - lo);
      final int from = lo;
      IntStream.range(0, groups).parallel().forEach(g -> {
        int first = g * SLOT_GROUP;
        int size = Math.min(SLOT_GROUP, m - first);
        float[] out = sim[g];
        VectorUtil.dotBlock(q, first, size, v, from, len, dim, out);
        if (mul) {
          // cosines shifted to [0, 1] (Levy & Goldberg 2014, footnote 7)
          for (int j = 0, end = size * len; j < end; j++) {
            out[j] = (1f + out[j]) / 2f;
          }
        }
      });
      int chunks = (count + QUESTION_CHUNK - 1) / QUESTION_CHUNK;
      IntStream.range(0, chunks).parallel().forEach(chunk -> {
        int end = Math.min(count, (chunk + 1) * QUESTION_CHUNK);
        for (int i = chunk * QUESTION_CHUNK; i < end; i++) {
          scanQuestion(i, from, len, sim[sa[i] / SLOT_GROUP], (sa[i] % SLOT_GROUP) * len, sim[sb[i] / SLOT_GROUP],
              (sb[i] % SLOT_GROUP) * len, sim[sc[i] / SLOT_GROUP], (sc[i] % SLOT_GROUP) * len, mul, eps,
              qd == null ? Float.NaN : target[i], qa[i], qb[i], qc[i], qd == null ? -1 : qd[i], kk, bestRows, bestScores, found, above);
        }
      });
      progress.advance(1);
    }
    progress.finish();
    int[] ranks = new int[count];
    if (qd != null) {
      for (int i = 0; i < count; i++) {
        int d = qd[i];
        ranks[i] = d == qa[i] || d == qb[i] || d == qc[i] ? -1 : above[i] + 1;
      }
    }
    return new Scan(kk, bestRows, bestScores, found, ranks);
  }

  private static int slot(Int2IntOpenHashMap slotOf, List<Integer> slotRows, int row) {
    int s = slotOf.get(row);
    if (s < 0) {
      s = slotRows.size();
      slotOf.put(row, s);
      slotRows.add(row);
    }
    return s;
  }

  /** One cosine (shifted to [0, 1] for 3CosMul) of a question word with a row. */
  private static float cell(boolean mul, float[] q, int slot, float[] v, int row, int dim) {
    float s = VectorUtil.dot(q, slot * dim, v, row * dim, dim);
    return mul ? (1f + s) / 2f : s;
  }

  /**
   * 3CosAdd: cos(d,b) + cos(d,c) - cos(d,a) (Mikolov et al. 2013). 3CosMul: cos'(d,b) cos'(d,c) /
   * (cos'(d,a) + eps), cos' = (1 + cos) / 2 (Levy & Goldberg 2014, eq. 4 and footnote 7).
   */
  private static float combine(boolean mul, float eps, float a, float b, float c) {
    return mul ? b * c / (a + eps) : b + c - a;
  }

  private static void scanQuestion(int i, int from, int len, float[] simA, int oa, float[] simB, int ob, float[] simC, int oc,
      boolean mul, float eps, float target, int ra, int rb, int rc, int rd, int k, int[] bestRows, float[] bestScores,
      int[] found, int[] above) {
    int base = i * k;
    int size = found[i];
    float min = size < k ? Float.NEGATIVE_INFINITY : bestScores[base + k - 1];
    int count = 0;
    for (int j = 0; j < len; j++) {
      float s = mul ? simB[ob + j] * simC[oc + j] / (simA[oa + j] + eps) : simB[ob + j] + simC[oc + j] - simA[oa + j];
      if (s > target) {
        int row = from + j;
        if (row != rd && row != ra && row != rb && row != rc) {
          count++;
        }
      }
      if (s > min) {
        int row = from + j;
        if (row == ra || row == rb || row == rc) {
          continue;
        }
        // insertion into the short descending list; ties keep the earlier (more frequent) row
        int pos = Math.min(size, k - 1);
        while (pos > 0 && bestScores[base + pos - 1] < s) {
          bestScores[base + pos] = bestScores[base + pos - 1];
          bestRows[base + pos] = bestRows[base + pos - 1];
          pos--;
        }
        bestScores[base + pos] = s;
        bestRows[base + pos] = row;
        if (size < k) {
          size++;
        }
        min = size < k ? Float.NEGATIVE_INFINITY : bestScores[base + k - 1];
      }
    }
    found[i] = size;
    above[i] += count;
  }
}
