package org.embdiff.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.embdiff.stats.Counts;
import org.embdiff.stats.CountsBuilder;
import org.embdiff.stats.FrequencyListReader;

/**
 * Reads a frequency list with {@link FrequencyListReader} and lower-cases it, summing the counts
 * of words that differ only in case (GloVe vocabularies are lower case, the TweetNLP counts are
 * not). The result stays marked truncated.
 */
public final class FrequencyLists {
  private FrequencyLists() {}

  /**
   * Reads {@code file}, lower-cased.
   *
   * @throws IOException naming {@code file:line} on a malformed line
   */
  public static Counts read(Path file) throws IOException {
    return lowerCased(FrequencyListReader.read(file));
  }

  /** {@code counts} with words lower-cased and merged. */
  public static Counts lowerCased(Counts counts) {
    CountsBuilder builder = new CountsBuilder();
    for (int i = 0; i < counts.size(); i++) {
      builder.add(counts.word(i).toLowerCase(Locale.ROOT), counts.count(i));
    }
    Counts merged = builder.build(0, 0);
    return new Counts(merged.words(), merged.counts(), counts.totalTokens(), true);
  }
}
