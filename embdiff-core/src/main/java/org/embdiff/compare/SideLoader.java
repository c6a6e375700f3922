package org.embdiff.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.SideSpec;
import org.embdiff.io.VectorReader;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.stats.Counts;
import org.embdiff.stats.FrequencyListReader;
import org.embdiff.text.Tokenizer;
import org.embdiff.text.Tokenizers;
import org.embdiff.util.ProgressListener;

/** Loads the inputs of one side: vectors, and counts from its corpus or its frequency list. */
public final class SideLoader {
  private SideLoader() {}

  /** Loads vectors. */
  public static LoadedVectors vectors(SideSpec side) throws IOException {
    return VectorReader.load(side.vectors(), side.vectorOptions());
  }

  /** Loads vectors, parsing text on {@code pool} split {@code threads} ways. */
  public static LoadedVectors vectors(SideSpec side, int threads, ExecutorService pool) throws IOException {
    return VectorReader.load(side.vectors(), side.vectorOptions().withThreads(threads), ProgressListener.NONE, pool);
  }

  /** Counted tokens and the number of lines read. */
  public record CorpusCounts(Counts counts, long lines) {}

  /**
   * Counts the tokens of corpora (one document per line), multi-threaded with a memory bound.
   */
  public static CorpusCounts countCorpora(List<Path> corpora, Tokenizer tokenizer, int threads) throws IOException {
    return countCorpora(corpora, tokenizer, threads, null);
  }

  /** Counts as {@link #countCorpora(List, Tokenizer, int)}, the blocks counted on {@code pool} (null = threads of its own). */
  public static CorpusCounts countCorpora(List<Path> corpora, Tokenizer tokenizer, int threads, ExecutorService pool)
      throws IOException {
    CorpusCounter.Result r = new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(tokenizer)
        .withThreads(threads)).countDetailed(corpora, ProgressListener.NONE, pool);
    return new CorpusCounts(r.counts(), r.lines());
  }

  /** Lines read to recognise social-media text. */
  static final int SAMPLE_LINES = 1000;
  /** Share of sampled lines with a mention, hashtag or URL above which a corpus is social-media text. */
  static final double SOCIAL_SHARE = 0.05;
  private static final java.util.regex.Pattern SOCIAL =
      java.util.regex.Pattern.compile("(^|\\s)[@#][\\p{L}\\p{N}_]|https?://");

  /**
   * The tokenizer of a side's corpora: the one the side names ({@code tokenizer:NAME}), else by
   * content: the Twitter tokenizer with GloVe-Twitter pseudo-tokens when at least 5% of the first
   * 1,000 non-blank lines of the first corpus hold a mention, hashtag or URL, else the
   * encyclopedic (PTB-style, lower-cased) one, so counts match the vocabularies of glove.twitter
   * and glove.6B.
   */
  public static Tokenizer tokenizerFor(SideSpec side) throws IOException {
    if (side.tokenizer() != null) {
      return Tokenizers.byName(side.tokenizer());
    }
    if (!side.hasCorpus()) {
      return Tokenizers.byName("wiki");
    }
    return Tokenizers.byName(socialShare(side.corpora().get(0)) >= SOCIAL_SHARE ? "twitter+glove" : "wiki");
  }

  /** Share of the first {@link #SAMPLE_LINES} non-blank lines of {@code corpus} with a mention, hashtag or URL. */
  static double socialShare(Path corpus) throws IOException {
    int lines = 0;
    int social = 0;
    try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
        org.embdiff.io.CompressedInput.open(corpus).stream(), java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while (lines < SAMPLE_LINES && (line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        lines++;
        if (SOCIAL.matcher(line).find()) {
          social++;
        }
      }
    }
    return lines == 0 ? 0 : (double) social / lines;
  }

  /**
   * Reads a frequency list ({@code word<TAB or space>count} per line); such lists usually leave out
   * rare words, so the counts are marked truncated.
   */
  public static Counts frequencies(Path path) throws IOException {
    Counts counts = FrequencyListReader.read(path);
    if (counts.size() == 0) {
      throw new IOException("no 'word count' lines found in frequency list " + path);
    }
    return counts;
  }
}
