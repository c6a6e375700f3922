package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.embdiff.io.CompressedInput;
import org.embdiff.text.Tokenizer;
import org.embdiff.text.WhitespaceTokenizer;
import org.embdiff.util.Futures;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Workers;

/**
 * Streaming, multi-threaded word counting of corpora (one document per line; plain, gzip, bzip2,
 * xz or zip) into {@link Counts}.
 *
 * <p>The calling thread decompresses and cuts the input into blocks of whole lines (whole tokens
 * for the whitespace tokenizer); worker tasks count each block into one of {@link Options#threads()}
 * tables, merged at the end. With {@link WhitespaceTokenizer} tokens are hashed as UTF-8 byte slices and a String is
 * made once per distinct type, not per token. Memory is bounded: a worker table that grows past
 * {@link Options#maxTypesInMemory()} drops its rarest entries (word2vec's ReduceVocab), and the
 * dropped occurrences still count in {@link Counts#totalTokens()}; the result is then marked
 * truncated.
 */
public final class CorpusCounter {
  private static final int BLOCK = 1 << 20;

  /**
   * Counting settings.
   *
   * @param tokenizer how lines become tokens
   * @param minCount keep words seen at least this often (as {@code vocab_count -min-count})
   * @param maxVocab keep at most this many of the most frequent words (0 = all)
   * @param threads counting tables and tasks in flight (at least 1; the reading is done by the calling thread)
   * @param maxTypesInMemory distinct words one worker may hold before pruning the rarest (0 = derived
   *     from the maximum heap)
   */
  public record Options(Tokenizer tokenizer, long minCount, int maxVocab, int threads, int maxTypesInMemory) {
    /** Validates. */
    public Options {
      if (tokenizer == null) {
        throw new IllegalArgumentException("tokenizer must not be null");
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
      }
      if (maxVocab < 0) {
        throw new IllegalArgumentException("maxVocab must be >= 0, got " + maxVocab);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      if (maxTypesInMemory < 0) {
        throw new IllegalArgumentException("maxTypesInMemory must be >= 0, got " + maxTypesInMemory);
      }
    }

    /** Whitespace tokens, min-count 1, no cap, all available processors. */
    public static Options defaults() {
      return new Options(WhitespaceTokenizer.INSTANCE, 1, 0, Runtime.getRuntime().availableProcessors(), 0);
    }

    /** A copy with another tokenizer. */
    public Options withTokenizer(Tokenizer t) {
      return new Options(t, minCount, maxVocab, threads, maxTypesInMemory);
    }

    /** A copy with another min-count. */
    public Options withMinCount(long m) {
      return new Options(tokenizer, m, maxVocab, threads, maxTypesInMemory);
    }

    /** A copy with another vocabulary cap. */
    public Options withMaxVocab(int m) {
      return new Options(tokenizer, minCount, m, threads, maxTypesInMemory);
    }

    /** A copy with another thread count. */
    public Options withThreads(int t) {
      return new Options(tokenizer, minCount, maxVocab, t, maxTypesInMemory);
    }

    /** A copy with another memory bound. */
    public Options withMaxTypesInMemory(int m) {
      return new Options(tokenizer, minCount, maxVocab, threads, m);
    }
  }

  /**
   * Counts and what it took.
   *
   * @param counts the word counts
   * @param lines lines (documents) read
   * @param bytes uncompressed bytes read
   * @param prunedTokens occurrences dropped by the memory bound (0 when it was never reached)
   * @param seconds wall time
   */
  public record Result(Counts counts, long lines, long bytes, long prunedTokens, double seconds) {}

  private final Options options;

  /** A counter with {@code options}. */
  public CorpusCounter(Options options) {
    this.options = options;
  }

  /** A counter with {@code tokenizer} and otherwise {@link Options#defaults()}. */
  public CorpusCounter(Tokenizer tokenizer) {
    this(Options.defaults().withTokenizer(tokenizer));
  }

  /** The settings. */
  public Options options() {
    return options;
  }

  /** Counts the tokens of {@code corpora} (read in order). */
  public Counts count(List<Path> corpora, ProgressListener progress) throws IOException {
    return countDetailed(corpora, progress).counts();
  }

  /** Counts the tokens of {@code corpora} and reports lines, bytes and pruning, on threads of its own. */
  public Result countDetailed(List<Path> corpora, ProgressListener progress) throws IOException {
    return countDetailed(corpora, progress, null);
  }

  /**
   * Counts the tokens of {@code corpora} and reports lines, bytes and pruning; the blocks are
   * counted on {@code executor} (a run's pool; null = {@link Options#threads()} threads of its own).
   */
  public Result countDetailed(List<Path> corpora, ProgressListener progress, ExecutorService executor)
      throws IOException {
    long t0 = System.nanoTime();
    long totalBytes = 0;
    for (Path p : corpora) {
      totalBytes += Files.isRegularFile(p) ? Files.size(p) : 0;
    }
    int threads = options.threads();
    int bound = options.maxTypesInMemory() > 0 ? options.maxTypesInMemory()
        : (int) Math.min(50_000_000L, Math.max(100_000L, Runtime.getRuntime().maxMemory() / (threads + 1) / 200));
    boolean bytesMode = options.tokenizer().isPlainWhitespace();
    BlockCounter[] counters = new BlockCounter[threads];
    for (int i = 0; i < threads; i++) {
      counters[i] = BlockCounter.create(options.tokenizer(), bound);
    }
    long lines = 0;
    long bytes = 0;
    progress.start("counting " + describe(corpora), totalBytes > 0 ? totalBytes : -1, "B");
    try (Workers workers = Workers.on(executor, threads, "embdiff-count")) {
      Dispatch dispatch = new Dispatch(workers, counters);
      try {
        for (Path p : corpora) {
          long[] r = read(p, bytesMode, dispatch, progress);
          lines += r[0];
          bytes += r[1];
        }
        dispatch.drain();
      } finally {
        dispatch.cancel();
      }
    } finally {
      progress.finish();
    }
    Counts counts = merge(counters);
    return new Result(counts, lines, bytes, counters[0].prunedTokens(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Blocks in flight: at most one per counter, each task taking an idle counter, so a task never
   * waits; the reader waits for the oldest block when all counters are busy and reuses its buffer.
   */
  private static final class Dispatch {
    private final Workers workers;
    private final ConcurrentLinkedQueue<BlockCounter> idle;
    private final int maxInFlight;
    private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();

    Dispatch(Workers workers, BlockCounter[] counters) {
      this.workers = workers;
      this.idle = new ConcurrentLinkedQueue<>(Arrays.asList(counters));
      this.maxInFlight = counters.length;
    }

    /** A buffer for the next block: a new one while fewer blocks are in flight than counters, else the oldest's. */
    byte[] freeBuffer() throws IOException {
      if (inFlight.size() < maxInFlight) {
        return new byte[BLOCK];
      }
      byte[] b = Futures.await(inFlight.poll());
      // a block grown for a long line is replaced by a normal one
      return b.length == BLOCK ? b : new byte[BLOCK];
    }

    void submit(byte[] block, int len) throws IOException {
      if (inFlight.size() >= maxInFlight) {
        Futures.await(inFlight.poll());
      }
      inFlight.add(workers.submit(() -> {
        BlockCounter c = idle.poll();
        try {
          c.add(block, 0, len);
        } finally {
          idle.add(c);
        }
        return block;
      }));
    }

    void drain() throws IOException {
      while (!inFlight.isEmpty()) {
        Futures.await(inFlight.poll());
      }
    }

    /** After a failure: stop what has not started and wait for what has, so no task outlives the call. */
    void cancel() {
      for (Future<byte[]> f : inFlight) {
        f.cancel(false);
      }
      for (Future<byte[]> f : inFlight) {
        try {
          if (!f.isCancelled()) {
            f.get();
          }
        } catch (Exception ignored) {
          // the first failure is already propagating
        }
      }
      inFlight.clear();
    }
  }

  private static String describe(List<Path> corpora) {
    if (corpora.size() == 1) {
      return String.valueOf(corpora.get(0).getFileName());
    }
    return corpora.size() + " files";
  }

  private static boolean isSpace(byte b) {
    return b >= 0 && b <= ' ';
  }

  /** Reads one file into blocks; returns {lines, bytes}. */
  private long[] read(Path path, boolean bytesMode, Dispatch dispatch, ProgressListener progress) throws IOException {
    long lines = 0;
    long bytes = 0;
    try (InputStream in = CompressedInput.open(path, progress::advance).stream()) {
      byte[] buf = dispatch.freeBuffer();
      int filled = 0;
      while (true) {
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        bytes += n;
        if (filled < buf.length) {
          continue;
        }
        // cut after the last line end (or, for whitespace tokens, after the last separator)
        int cut = filled - 1;
        while (cut >= 0 && (bytesMode ? !isSpace(buf[cut]) : buf[cut] != '\n')) {
          cut--;
        }
        if (cut < 0) {
          // a single line (token) longer than the block: grow this block
          buf = Arrays.copyOf(buf, buf.length * 2);
          continue;
        }
        int used = cut + 1;
        lines += countNewlines(buf, used);
        byte[] next = dispatch.freeBuffer();
        if (next.length < filled - used) {
          next = new byte[Math.max(BLOCK, (filled - used) * 2)];
        }
        System.arraycopy(buf, used, next, 0, filled - used);
        dispatch.submit(buf, used);
        filled -= used;
        buf = next;
      }
      if (filled > 0) {
        lines += countNewlines(buf, filled);
        if (buf[filled - 1] != '\n') {
          lines++;
        }
        dispatch.submit(buf, filled);
      }
    } catch (UncheckedIOException e) {
      throw withPath(path, e.getCause());
    } catch (IOException e) {
      throw withPath(path, e);
    }
    return new long[] {lines, bytes};
  }

  /** A decompression error names the file (the codecs' messages do not). */
  private static IOException withPath(Path path, IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (m.contains(path.toString())) {
      return e;
    }
    return new IOException(path + ": " + m + " (corrupt or truncated file?)", e);
  }

  private static long countNewlines(byte[] buf, int len) {
    long n = 0;
    for (int i = 0; i < len; i++) {
      if (buf[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  private Counts merge(BlockCounter[] workers) {
    BlockCounter all = workers[0];
    for (int i = 1; i < workers.length; i++) {
      all.addAll(workers[i]);
    }
    Object2LongOpenHashMap<String> decoded = new Object2LongOpenHashMap<>();
    all.forEachWord(decoded::addTo);
    return Counts.sorted(decoded, all.tokens(), options.minCount(), options.maxVocab(), all.prunedTokens() > 0);
  }
}
