package org.embdiff.cooc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Workers;

/**
 * Counts the vocabulary of whitespace-tokenized corpora exactly as Stanford {@code vocab_count}
 * (same tokens, same order: count descending, ties by byte order; words with count at least
 * {@code minCount}), multi-threaded.
 */
public final class CorpusVocabulary {
  private CorpusVocabulary() {}

  /** The vocabulary and the number of tokens it was counted from. */
  public record Result(ByteVocabulary vocabulary, long tokens, long types) {}

  /**
   * Counts {@code corpora}.
   *
   * @param minCount smallest count kept ({@code vocab_count -min-count})
   * @param maxVocab at most this many words (0 = no cap)
   */
  public static Result count(List<Path> corpora, long minCount, int maxVocab, int threads,
      ProgressListener progress) throws IOException {
    Workers pool = Workers.own(threads, "embdiff-vocab");
    ByteTokenCounter[] counters = new ByteTokenCounter[threads];
    for (int t = 0; t < threads; t++) {
      counters[t] = new ByteTokenCounter();
    }
    progress.start("counting words", totalBytes(corpora), "B");
    try (BlockReader reader = new BlockReader(corpora, 32 << 20)) {
      int len;
      while ((len = reader.next()) > 0) {
        byte[] b = reader.buffer();
        int[] bounds = BlockReader.slices(b, len, threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          final int ti = t;
          futures.add(pool.submit(() -> counters[ti].countSlice(b, bounds[ti], bounds[ti + 1])));
        }
        await(futures);
        progress.advance(len);
      }
    } finally {
      pool.close();
      progress.finish();
    }
    ByteTokenCounter all = counters[0];
    for (int t = 1; t < threads; t++) {
      all.addAll(counters[t]);
    }
    return new Result(all.toVocabulary(minCount, maxVocab), all.tokens(), all.size());
  }

  static long totalBytes(List<Path> corpora) {
    long total = 0;
    for (Path p : corpora) {
      String name = p.getFileName().toString();
      if (name.endsWith(".gz") || name.endsWith(".bz2") || name.endsWith(".xz") || name.endsWith(".zip")) {
        return -1;
      }
      try {
        total += java.nio.file.Files.size(p);
      } catch (IOException e) {
        return -1;
      }
    }
    return total;
  }

  static void await(List<Future<?>> futures) throws IOException {
    for (Future<?> f : futures) {
      org.embdiff.util.Futures.await(f);
    }
  }
}
