package org.embdiff.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Small input files and reports for report tests. */
final class ReportFixtures {
  /** Tokens that would be markup if a renderer forgot to escape them (no spaces: vector files split on them). */
  static final List<String> HOSTILE = List.of("<img/src=x/onerror=alert(1)>", "</script><script>alert(1)</script>",
      "<!--", "a|b*c_d", "\u2028sep", "<user>");

  private ReportFixtures() {}

  /** A GloVe text file: {@code words} with seeded random vectors of {@code dim}. */
  static Path vectors(Path dir, String name, List<String> words, int dim, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(w);
      for (int i = 0; i < dim; i++) {
        sb.append(' ').append(String.format(Locale.ROOT, "%.5f", random.nextGaussian()));
      }
      sb.append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb, StandardCharsets.UTF_8);
    return p;
  }

  /** The hostile tokens, then {@code n} words w0..w(n-1). */
  static List<String> words(int n) {
    List<String> out = new ArrayList<>(HOSTILE);
    for (int i = 0; i < n; i++) {
      out.add("w" + i);
    }
    return out;
  }

  /** A corpus whose word i appears about n/(i+1) times (Zipf-like), lines of 12 tokens. */
  static Path corpus(Path dir, String name, int types, int tokens, long seed) throws IOException {
    Random random = new Random(seed);
    double[] cdf = new double[types];
    double sum = 0;
    for (int i = 0; i < types; i++) {
      sum += 1.0 / (i + 1);
      cdf[i] = sum;
    }
    StringBuilder sb = new StringBuilder();
    List<String> words = words(types).subList(HOSTILE.size(), HOSTILE.size() + types);
    for (int t = 0; t < tokens; t++) {
      double u = random.nextDouble() * sum;
      int idx = java.util.Arrays.binarySearch(cdf, u);
      idx = idx < 0 ? -idx - 1 : idx;
      sb.append(words.get(Math.min(idx, types - 1)));
      sb.append(t % 12 == 11 ? '\n' : ' ');
    }
    sb.append(HOSTILE.get(0)).append(' ').append(HOSTILE.get(1)).append('\n');
    Path p = dir.resolve(name);
    Files.writeString(p, sb, StandardCharsets.UTF_8);
    return p;
  }

  /** A frequency list "word<TAB>count" with counts 100000/(rank). */
  static Path freq(Path dir, String name, int types) throws IOException {
    StringBuilder sb = new StringBuilder();
    List<String> words = words(types);
    for (int i = 0; i < words.size(); i++) {
      sb.append(words.get(i)).append('\t').append(Math.max(1, 100_000 / (i + 1))).append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb, StandardCharsets.UTF_8);
    return p;
  }
}
