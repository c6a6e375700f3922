package org.embdiff.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.embdiff.io.CompressedInput;
import org.embdiff.stats.Counts;
import org.embdiff.stats.CountsBuilder;

/**
 * Reads a frequency list ({@code word<TAB or space>count}, one per line) into {@link Counts}.
 * Words are lower-cased and merged (GloVe vocabularies are lower case). The list is marked
 * truncated, since published lists cut rare words.
 *
 * <p>Kept small and local until the corpus-statistics module offers a shared reader.
 */
public final class FrequencyLists {
  private FrequencyLists() {}

  /**
   * Reads {@code file}.
   *
   * @throws IOException naming {@code file:line} on a malformed line
   */
  public static Counts read(Path file) throws IOException {
    CountsBuilder builder = new CountsBuilder();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(CompressedInput.open(file).stream(), StandardCharsets.UTF_8))) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        int cut = lastSeparator(text);
        if (cut <= 0) {
          throw new IOException("expected 'word<TAB>count', got '" + abbreviate(text) + "' (" + file + ":" + line + ")");
        }
        String countText = text.substring(cut + 1).strip();
        long count;
        try {
          count = Long.parseLong(countText);
        } catch (NumberFormatException e) {
          throw new IOException("count '" + abbreviate(countText) + "' is not an integer (" + file + ":" + line
              + "; expected word<TAB>count)");
        }
        if (count < 0) {
          throw new IOException("negative count " + count + " (" + file + ":" + line + ")");
        }
        String word = text.substring(0, cut).strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty()) {
          builder.add(word, count);
        }
      }
    }
    Counts counts = builder.build(0, 0);
    return new Counts(counts.words(), counts.counts(), counts.totalTokens(), true);
  }

  private static int lastSeparator(String text) {
    String t = text.stripTrailing();
    for (int i = t.length() - 1; i >= 0; i--) {
      char c = t.charAt(i);
      if (c == '\t' || c == ' ') {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
