package org.embdiff.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embdiff.inference.Correlation;
import org.embdiff.io.CompressedInput;

/**
 * Gold change scores ({@code word<TAB>score} per line, the SemEval-2020 Task 1 answer format,
 * Schlechtweg et al. 2020) and how a measure's per-word scores agree with them: Spearman's rho
 * (graded change, subtask 2) and average precision of the changed words (binary change, subtask
 * 1), where "changed" is gold >= 0.5 and "unchanged" is gold = 0 (0/1 gold as given; graded gold
 * in [0, 1] such as an injected share).
 */
public final class GoldScores {
  private GoldScores() {}

  /**
   * Agreement of one measure with the gold.
   *
   * @param measure the measure's name
   * @param words gold words that have a score (the rest are missing)
   * @param missing gold words without a score
   * @param spearman Spearman's rho between the score and the gold over {@code words}
   * @param averagePrecision average precision of gold >= 0.5 against gold = 0, ranked by the score (NaN without both)
   * @param positives words with gold >= 0.5 among {@code words}
   * @param negatives words with gold = 0 among {@code words}
   */
  public record Agreement(String measure, int words, int missing, double spearman, double averagePrecision, int positives,
      int negatives) {}

  /**
   * Reads {@code word<TAB>score} lines (blank lines and {@code #} comments skipped); with
   * {@code stripPos}, a trailing {@code _nn}/{@code _vb}-style part-of-speech tag is removed from
   * the word (SemEval's English targets are {@code word_nn}).
   *
   * @throws IOException naming the file and line of a malformed entry or a repeated word
   */
  public static Map<String, Double> read(Path file, boolean stripPos) throws IOException {
    Map<String, Double> gold = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(file).stream(),
        StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] f = t.split("\\s+");
        if (f.length != 2) {
          throw new IOException("gold line has " + f.length + " fields, expected 2 (word<TAB>score): " + file + ":" + n);
        }
        double score;
        try {
          score = Double.parseDouble(f[1]);
        } catch (NumberFormatException e) {
          throw new IOException("gold score '" + f[1] + "' is not a number: " + file + ":" + n);
        }
        if (!Double.isFinite(score)) {
          throw new IOException("gold score of '" + f[0] + "' is " + score + ", expected finite: " + file + ":" + n);
        }
        String word = stripPos ? stripPos(f[0]) : f[0];
        if (gold.put(word, score) != null) {
          throw new IOException("gold word '" + word + "' appears twice: " + file + ":" + n);
        }
      }
    }
    if (gold.isEmpty()) {
      throw new IOException("gold file has no entries: " + file + "; expected word<TAB>score lines");
    }
    return gold;
  }

  /** {@code word_pos} to {@code word} (only a final underscore followed by letters). */
  static String stripPos(String word) {
    int u = word.lastIndexOf('_');
    if (u > 0 && u < word.length() - 1 && word.substring(u + 1).chars().allMatch(Character::isLetter)) {
      return word.substring(0, u);
    }
    return word;
  }

  /** Agreement of every measure of {@code analysis} (those it has: no Delta_w without alignment) with {@code gold}. */
  public static List<Agreement> scoreAll(org.embdiff.align.ShiftAnalysis analysis, Map<String, Double> gold) {
    List<Agreement> out = new ArrayList<>();
    for (org.embdiff.align.ShiftMeasure m : org.embdiff.align.ShiftMeasure.values()) {
      if (m.needsAlignment() && analysis.alignment() == null) {
        continue;
      }
      Map<String, Double> scores = new java.util.HashMap<>();
      for (org.embdiff.align.WordShift w : analysis.words()) {
        scores.put(w.word(), w.value(m));
      }
      out.add(score(Validation.label(m), gold, scores));
    }
    return out;
  }

  /** Agreement of {@code scores} (larger = more changed; words without a score are left out) with {@code gold}. */
  public static Agreement score(String measure, Map<String, Double> gold, Map<String, Double> scores) {
    List<double[]> pairs = new ArrayList<>();
    int missing = 0;
    for (Map.Entry<String, Double> e : gold.entrySet()) {
      Double s = scores.get(e.getKey());
      if (s == null || s.isNaN()) {
        missing++;
      } else {
        pairs.add(new double[] {s, e.getValue()});
      }
    }
    double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
    // a constant score ranks nothing: rho 0, its mean over the orders of the tie
    double rho = x.length < 3 ? Double.NaN : constant(x) ? 0 : Correlation.spearman(x, y);
    int pos = 0, neg = 0;
    for (double g : y) {
      pos += g >= 0.5 ? 1 : 0;
      neg += g == 0 ? 1 : 0;
    }
    return new Agreement(measure, x.length, missing, rho, averagePrecision(x, y), pos, neg);
  }

  /**
   * Average precision of the positives (gold >= 0.5) ranked by score among positives and
   * negatives (gold = 0); tied scores count as the mean AP over all orders of the tie (McSherry &
   * Najork 2008), so a constant score gets the chance level. NaN without a positive or a negative.
   */
  static double averagePrecision(double[] score, double[] gold) {
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < score.length; i++) {
      if (gold[i] >= 0.5 || gold[i] == 0) {
        kept.add(new double[] {score[i], gold[i] >= 0.5 ? 1 : 0});
      }
    }
    double[][] k = kept.toArray(double[][]::new);
    Arrays.sort(k, (a, b) -> Double.compare(b[0], a[0]));
    int positives = 0;
    for (double[] r : k) {
      positives += (int) r[1];
    }
    if (positives == 0 || positives == k.length) {
      return Double.NaN;
    }
    // over a random order of a tie group of m places after rank s with g positives and h positives
    // ranked above it: P(place i is positive) = g/m and E[hits up to i | it is] = h + 1 + (i - s - 1)(g - 1)/(m - 1)
    double sum = 0;
    int above = 0;
    for (int s = 0; s < k.length; ) {
      int e = s;
      int g = 0;
      while (e < k.length && k[e][0] == k[s][0]) {
        g += (int) k[e][1];
        e++;
      }
      int m = e - s;
      for (int i = s + 1; i <= e; i++) {
        double hits = above + 1 + (m == 1 ? 0 : (i - s - 1) * (g - 1) / (double) (m - 1));
        sum += (g / (double) m) * hits / i;
      }
      above += g;
      s = e;
    }
    return sum / positives;
  }

  private static boolean constant(double[] x) {
    for (double v : x) {
      if (v != x[0]) {
        return false;
      }
    }
    return true;
  }
}
