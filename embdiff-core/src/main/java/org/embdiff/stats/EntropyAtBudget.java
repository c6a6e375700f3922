package org.embdiff.stats;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embdiff.inference.Interval;
import org.embdiff.inference.Normal;
import org.embdiff.io.CompressedInput;
import org.embdiff.text.Tokenizer;

/**
 * Lexical entropy of two corpora at an equal token budget: both read as documents (non-empty lines),
 * tokens harmonised ({@link VocabularyHarmoniser#harmonise}), the larger corpus subsampled by whole
 * documents (seeded shuffle, taken until the smaller corpus's token count is reached), then
 * Miller–Madow entropy per side. The interval resamples documents, the independent unit (tokens of
 * one document are not independent), and is normal around the estimate with the bootstrap SE, since
 * resampled documents lose unseen types and bias the replicates low.
 *
 * @param budgetTokens the smaller corpus's harmonised token count, the budget both sides are held to
 * @param documentsA documents of A in the subsample
 * @param documentsB documents of B in the subsample
 * @param tokensA harmonised tokens of A in the subsample
 * @param tokensB harmonised tokens of B in the subsample
 * @param entropyA Miller–Madow entropy of A's subsample, bits, with its interval
 * @param entropyB the same for B
 * @param difference B - A with its interval
 * @param resamples document resamples behind each interval
 */
public record EntropyAtBudget(long budgetTokens, int documentsA, int documentsB, long tokensA, long tokensB,
    Interval entropyA, Interval entropyB, Interval difference, int resamples) {

  /** Fewest documents per side for an interval. */
  public static final int MIN_DOCUMENTS = 20;

  /** Computes it; {@code resamples} document resamples per side, seeded by {@code seed}. */
  public static EntropyAtBudget of(List<Path> corporaA, Tokenizer tokenizerA, List<Path> corporaB, Tokenizer tokenizerB,
      int resamples, double level, long seed) throws IOException {
    Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
    List<int[]> docsA = documents(corporaA, tokenizerA, ids);
    List<int[]> docsB = documents(corporaB, tokenizerB, ids);
    if (docsA.size() < MIN_DOCUMENTS || docsB.size() < MIN_DOCUMENTS) {
      throw new IllegalArgumentException("entropy at an equal token budget needs at least " + MIN_DOCUMENTS
          + " documents per side, got " + docsA.size() + " and " + docsB.size());
    }
    long budget = Math.min(tokens(docsA), tokens(docsB));
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> subA = subsample(docsA, budget, random.split());
    List<int[]> subB = subsample(docsB, budget, random.split());
    int types = ids.size();
    double[] repA = replicates(subA, types, resamples, random.split());
    double[] repB = replicates(subB, types, resamples, random.split());
    double ha = millerMadow(subA, types);
    double hb = millerMadow(subB, types);
    double z = Normal.quantile((1 + level) / 2);
    double seA = sd(repA);
    double seB = sd(repB);
    String method = String.format(java.util.Locale.ROOT, "normal interval, estimate +- %.3f bootstrap SE over %d document "
        + "resamples", z, resamples);
    Interval ia = new Interval(ha, ha - z * seA, ha + z * seA, level, method);
    Interval ib = new Interval(hb, hb - z * seB, hb + z * seB, level, method);
    double d = hb - ha;
    double half = z * Math.sqrt(seA * seA + seB * seB);
    Interval diff = new Interval(d, d - half, d + half, level, method + " per side, sides independent");
    return new EntropyAtBudget(budget, subA.size(), subB.size(), tokens(subA), tokens(subB), ia, ib, diff, resamples);
  }

  private static List<int[]> documents(List<Path> corpora, Tokenizer tokenizer, Object2IntOpenHashMap<String> ids)
      throws IOException {
    List<int[]> docs = new ArrayList<>();
    IntArrayList doc = new IntArrayList();
    // harmonised once per distinct raw token: classifying runs several patterns
    java.util.Map<String, int[]> byRaw = new java.util.HashMap<>();
    for (Path p : corpora) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(CompressedInput.open(p).stream(),
          StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          doc.clear();
          tokenizer.tokenize(line, token -> doc.addElements(doc.size(), byRaw.computeIfAbsent(token, raw -> {
            List<String> types = VocabularyHarmoniser.harmonise(raw);
            int[] out = new int[types.size()];
            for (int i = 0; i < out.length; i++) {
              int id = ids.getOrDefault(types.get(i), -1);
              if (id < 0) {
                id = ids.size();
                ids.put(types.get(i), id);
              }
              out[i] = id;
            }
            return out;
          })));
          if (!doc.isEmpty()) {
            docs.add(doc.toIntArray());
          }
        }
      }
    }
    return docs;
  }

  private static long tokens(List<int[]> docs) {
    long n = 0;
    for (int[] d : docs) {
      n += d.length;
    }
    return n;
  }

  private static List<int[]> subsample(List<int[]> docs, long budget, SplittableRandom random) {
    int[] order = IntStream.range(0, docs.size()).toArray();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<int[]> out = new ArrayList<>();
    long n = 0;
    for (int i = 0; i < order.length && n < budget; i++) {
      out.add(docs.get(order[i]));
      n += docs.get(order[i]).length;
    }
    return out;
  }

  private static double millerMadow(List<int[]> docs, int types) {
    long[] c = new long[types];
    for (int[] d : docs) {
      for (int id : d) {
        c[id]++;
      }
    }
    return EntropyEstimate.entropy(c)[1];
  }

  // Miller–Madow in bits over the counts of the drawn documents, counting in a reused array and clearing only what
  // was touched (the same formula as EntropyEstimate.entropy)
  private static double millerMadow(List<int[]> docs, int[] counts, IntArrayList touched) {
    long n = 0;
    for (int[] d : docs) {
      for (int id : d) {
        if (counts[id]++ == 0) {
          touched.add(id);
        }
      }
      n += d.length;
    }
    double s = 0;
    for (int i = 0; i < touched.size(); i++) {
      int id = touched.getInt(i);
      double x = counts[id];
      if (x > 1) {
        s += x * Math.log(x);
      }
      counts[id] = 0;
    }
    int k = touched.size();
    touched.clear();
    if (n == 0) {
      return 0;
    }
    double plugIn = (Math.log(n) - s / n) / Math.log(2);
    return plugIn + (k - 1) / (2.0 * n * Math.log(2));
  }

  private static double[] replicates(List<int[]> docs, int types, int resamples, SplittableRandom random) {
    SplittableRandom[] streams = new SplittableRandom[resamples];
    for (int r = 0; r < resamples; r++) {
      streams[r] = random.split();
    }
    int n = docs.size();
    ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[types]);
    ThreadLocal<IntArrayList> touched = ThreadLocal.withInitial(IntArrayList::new);
    return IntStream.range(0, resamples).parallel().mapToDouble(r -> {
      List<int[]> drawn = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        drawn.add(docs.get(streams[r].nextInt(n)));
      }
      return millerMadow(drawn, counts.get(), touched.get());
    }).toArray();
  }

  private static double sd(double[] x) {
    double mean = java.util.Arrays.stream(x).average().orElse(Double.NaN);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / Math.max(1, x.length - 1));
  }
}
