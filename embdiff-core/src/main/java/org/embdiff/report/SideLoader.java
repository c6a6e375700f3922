package org.embdiff.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.embdiff.io.CompressedInput;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.VectorReader;
import org.embdiff.stats.Counts;
import org.embdiff.stats.CountsBuilder;

/** Loads the inputs of one side: vectors, and counts from its corpus or its frequency list. */
final class SideLoader {
  private SideLoader() {}

  /** Loads vectors. */
  static LoadedVectors vectors(Path path) throws IOException {
    return VectorReader.load(path);
  }

  /** Counted tokens and the number of lines read. */
  record CorpusCounts(Counts counts, long lines) {}

  /**
   * Counts the tokens of corpora (one document per line; lower-cased, whitespace-separated).
   */
  static CorpusCounts countCorpora(Iterable<Path> corpora) throws IOException {
    CountsBuilder builder = new CountsBuilder();
    long lines = 0;
    for (Path corpus : corpora) {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(CompressedInput.open(corpus).stream(),
          StandardCharsets.UTF_8), 1 << 16)) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines++;
          for (String token : line.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!token.isEmpty()) {
              builder.add(token);
            }
          }
        }
      }
    }
    return new CorpusCounts(builder.build(1, 0), lines);
  }

  /**
   * Reads a frequency list ({@code word<TAB or space>count} per line). Such lists usually leave
   * out rare words, so the counts are marked truncated.
   *
   * @throws IOException naming file:line for a malformed line
   */
  static Counts frequencies(Path path) throws IOException {
    CountsBuilder builder = new CountsBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(CompressedInput.open(path).stream(),
        StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      long lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        int cut = Math.max(s.lastIndexOf('\t'), s.lastIndexOf(' '));
        if (cut <= 0) {
          throw new IOException("expected 'word count', found one field (" + path + ":" + lineNo + ")");
        }
        String word = s.substring(0, cut).strip();
        long count;
        try {
          count = Long.parseLong(s.substring(cut + 1).strip());
        } catch (NumberFormatException e) {
          throw new IOException("count '" + s.substring(cut + 1).strip() + "' is not a whole number ("
              + path + ":" + lineNo + ")");
        }
        if (count < 0) {
          throw new IOException("negative count " + count + " (" + path + ":" + lineNo + ")");
        }
        builder.add(word, count);
      }
    }
    Counts built = builder.build(1, 0);
    if (built.size() == 0) {
      throw new IOException("no 'word count' lines found in frequency list " + path);
    }
    return new Counts(built.words(), built.counts(), built.totalTokens(), true);
  }
}
