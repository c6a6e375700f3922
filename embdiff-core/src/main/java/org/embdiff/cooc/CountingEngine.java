package org.embdiff.cooc;

import java.io.IOException;
import java.util.List;
import org.embdiff.stats.CorpusCounter;

/**
 * A way to run the corpus counts (word counts, the GloVe vocabulary, co-occurrence) somewhere
 * else than in this JVM's threads, e.g. on Apache Spark (module {@code embdiff-spark}). Found with
 * {@link CountingEngines#open}; the same results and formats as the local counters
 * ({@link CorpusCounter}, {@link CorpusVocabulary}, {@link CooccurrenceCounter}), with the same
 * token rules ({@link org.embdiff.stats.BlockCounter}, {@link StanfordTokens}).
 *
 * <p>Corpora are files or directories, as local paths or Hadoop file system URIs
 * ({@code hdfs://...}, {@code file:///...}); plain, gzip, bzip2, xz or zip by content.
 */
public interface CountingEngine extends AutoCloseable {
  /** What runs the work, for logs and provenance ("spark local[2], Spark 4.0.1"). */
  String description();

  /**
   * Word counts as {@link CorpusCounter} with {@code tokenizer} (a name for
   * {@link org.embdiff.text.Tokenizers#byName}), without its memory bound; a directory means its
   * corpus files by {@link org.embdiff.stats.CorpusFiles#select}.
   */
  CorpusCounter.Result countWords(List<String> corpora, String tokenizer, long minCount, int maxVocab)
      throws IOException;

  /**
   * The GloVe vocabulary as {@link CorpusVocabulary#count}; a directory means its files whose name
   * matches {@code glob}.
   */
  CorpusVocabulary.Result countVocabulary(List<String> corpora, String glob, long minCount, int maxVocab)
      throws IOException;

  /**
   * Co-occurrences as {@link CooccurrenceCounter#count(List, java.nio.file.Path,
   * org.embdiff.util.ProgressListener)}, written as CREC to {@code output} (a local file, or a
   * URI with a scheme: a directory of {@code part-NNNNN.crec} files whose concatenation in name
   * order is the file). {@link CooccurrenceOptions#memoryBytes()} and threads are the local
   * engine's; the engine sizes its own tasks.
   */
  CooccurrenceSummary cooccur(List<String> corpora, String glob, ByteVocabulary vocab, CooccurrenceOptions options,
      String output) throws IOException;

  /** Stops the engine (a Spark context it started). */
  @Override
  void close();
}
