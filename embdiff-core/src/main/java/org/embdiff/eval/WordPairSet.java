package org.embdiff.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.io.CompressedInput;
import org.embdiff.io.VectorFormatException;

/**
 * Word pairs with a human similarity score: {@code w1 w2 score} per line, tab- or
 * space-separated, {@code #} comment lines and blank lines ignored, CRLF tolerated. A line that
 * does not hold two words and a number is skipped and counted (as gensim skips it).
 *
 * @param name file name
 * @param pairs the pairs in file order
 * @param invalidLines lines skipped as malformed
 * @param firstInvalid {@code file:line} of the first skipped line, or null
 */
public record WordPairSet(String name, List<Pair> pairs, int invalidLines, String firstInvalid) {
  /** One judged pair. */
  public record Pair(String w1, String w2, double score) {}

  /** Copies the list. */
  public WordPairSet {
    pairs = List.copyOf(pairs);
  }

  /** Reads a (possibly compressed) pair file. */
  public static WordPairSet read(Path path) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    int invalid = 0;
    String firstInvalid = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(path).stream(), StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String[] parts = s.indexOf('\t') >= 0 ? s.split("\t") : s.split("\\s+");
        Double score = parts.length == 3 ? parseScore(parts[2].strip()) : null;
        if (score == null || parts[0].strip().isEmpty() || parts[1].strip().isEmpty()) {
          invalid++;
          if (firstInvalid == null) {
            firstInvalid = path + ":" + lineNo;
          }
          continue;
        }
        pairs.add(new Pair(parts[0].strip(), parts[1].strip(), score));
      }
    }
    if (pairs.isEmpty()) {
      throw new VectorFormatException("no word pairs ('w1 w2 score' lines) in " + path
          + (firstInvalid == null ? "" : "; first malformed line: " + firstInvalid));
    }
    return new WordPairSet(path.getFileName().toString(), pairs, invalid, firstInvalid);
  }

  private static Double parseScore(String s) {
    try {
      double v = Double.parseDouble(s);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
