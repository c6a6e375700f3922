package org.embdiff.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.VectorReader;
import org.embdiff.stats.Counts;
import org.embdiff.stats.CorpusCounter;
import org.embdiff.text.Tokenizer;
import org.embdiff.util.ProgressListener;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embdiff.stats.FrequencyListReader;

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
   * Counts the tokens of corpora (one document per line), multi-threaded with a memory bound, with
   * {@link #TOKENIZER}.
   */
  static CorpusCounts countCorpora(List<Path> corpora, int threads) throws IOException {
    CorpusCounter.Result r = new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(TOKENIZER)
        .withThreads(threads)).countDetailed(corpora, ProgressListener.NONE);
    return new CorpusCounts(r.counts(), r.lines());
  }

  /**
   * Lower-cased words, numbers, hashtags and mentions (letters, digits and inner apostrophes or
   * hyphens), as glove.6B and glove.twitter are lower-cased; punctuation is dropped.
   */
  static final Tokenizer TOKENIZER = new Tokenizer() {
    private final Pattern word = Pattern.compile("[#@]?[\\p{L}\\p{N}]+(?:['\u2019\\-][\\p{L}\\p{N}]+)*");

    @Override
    public String name() {
      return "lowercase-words";
    }

    @Override
    public void tokenize(String line, Sink sink) {
      Matcher m = word.matcher(line.toLowerCase(Locale.ROOT));
      while (m.find()) {
        sink.accept(m.group());
      }
    }
  };

  /**
   * Reads a frequency list ({@code word<TAB or space>count} per line); such lists usually leave out
   * rare words, so the counts are marked truncated.
   */
  static Counts frequencies(Path path) throws IOException {
    Counts counts = FrequencyListReader.read(path);
    if (counts.size() == 0) {
      throw new IOException("no 'word count' lines found in frequency list " + path);
    }
    return counts;
  }
}
