package org.embdiff.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
final class SideLoader {
  private SideLoader() {}

  /** Loads vectors. */
  static LoadedVectors vectors(Path path) throws IOException {
    return VectorReader.load(path);
  }

  /** Counted tokens and the number of lines read. */
  record CorpusCounts(Counts counts, long lines) {}

  /**
   * Counts the tokens of corpora (one document per line), multi-threaded with a memory bound.
   */
  static CorpusCounts countCorpora(List<Path> corpora, Tokenizer tokenizer, int threads) throws IOException {
    CorpusCounter.Result r = new CorpusCounter(CorpusCounter.Options.defaults().withTokenizer(tokenizer)
        .withThreads(threads)).countDetailed(corpora, ProgressListener.NONE);
    return new CorpusCounts(r.counts(), r.lines());
  }

  /**
   * The tokenizer for a side's corpus: the Twitter tokenizer with GloVe-Twitter pseudo-tokens when
   * the side or its corpus is named after Twitter or tweets, else the encyclopedic (PTB-style,
   * lower-cased) one, so counts match the vocabularies of glove.twitter and glove.6B.
   */
  static Tokenizer tokenizerFor(SideSpec side) {
    String names = (side.name() + " " + side.corpora()).toLowerCase(Locale.ROOT);
    return Tokenizers.byName(names.contains("twitter") || names.contains("tweet") ? "twitter+glove" : "wiki");
  }

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
