package org.embdiff.stats;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.embdiff.io.CompressedInput;
import org.embdiff.text.Tokenizer;
import org.embdiff.text.WhitespaceTokenizer;
import org.embdiff.util.ProgressListener;

/**
 * Streaming, multi-threaded word counting of corpora (one document per line; plain, gzip, bzip2,
 * xz or zip) into {@link Counts}.
 *
 * <p>One reader thread decompresses and cuts the input into blocks of whole lines (whole tokens
 * for the whitespace tokenizer); worker threads count each block into their own table, merged at
 * the end. With {@link WhitespaceTokenizer} tokens are hashed as UTF-8 byte slices and a String is
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
   * @param threads counting threads (at least 1; a reader thread comes on top)
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

  /** Counts the tokens of {@code corpora} and reports lines, bytes and pruning. */
  public Result countDetailed(List<Path> corpora, ProgressListener progress) throws IOException {
    long t0 = System.nanoTime();
    long totalBytes = 0;
    for (Path p : corpora) {
      totalBytes += Files.isRegularFile(p) ? Files.size(p) : 0;
    }
    int threads = options.threads();
    int bound = options.maxTypesInMemory() > 0 ? options.maxTypesInMemory()
        : (int) Math.min(50_000_000L, Math.max(100_000L, Runtime.getRuntime().maxMemory() / (threads + 1) / 200));
    boolean bytesMode = options.tokenizer().isPlainWhitespace();
    BlockingQueue<byte[][]> full = new ArrayBlockingQueue<>(threads * 2);
    BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(threads * 3 + 2);
    for (int i = 0; i < threads * 3 + 2; i++) {
      free.add(new byte[BLOCK]);
    }
    BlockCounter[] workers = new BlockCounter[threads];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers[i] = BlockCounter.create(options.tokenizer(), bound);
      BlockCounter w = workers[i];
      Thread t = new Thread(() -> {
        try {
          while (true) {
            byte[][] job = full.take();
            if (job.length == 0) {
              return;
            }
            int len = lengthOf(job[1]);
            w.add(job[0], 0, len);
            // a block grown for a long line is replaced by a normal one so the pool never shrinks
            free.offer(job[0].length == BLOCK ? job[0] : new byte[BLOCK]);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          // keep draining so the reader never blocks on a dead pool
          byte[][] job;
          while ((job = full.poll()) == null || job.length != 0) {
            if (job != null) {
              free.offer(job[0].length == BLOCK ? job[0] : new byte[BLOCK]);
            }
            Thread.onSpinWait();
          }
        }
      }, "embdiff-count-" + i);
      t.setDaemon(true);
      t.start();
      running.add(t);
    }
    long lines = 0;
    long bytes = 0;
    progress.start("counting " + describe(corpora), totalBytes > 0 ? totalBytes : -1, "B");
    try {
      for (Path p : corpora) {
        long[] r = read(p, bytesMode, full, free, failure, progress);
        lines += r[0];
        bytes += r[1];
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while counting", e);
    } finally {
      for (int i = 0; i < threads; i++) {
        try {
          full.put(new byte[0][]);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (Thread t : running) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      progress.finish();
    }
    Throwable f = failure.get();
    if (f != null) {
      if (f instanceof RuntimeException re) {
        throw re;
      }
      if (f instanceof Error err) {
        throw err;
      }
      throw new IOException(f);
    }
    Counts counts = merge(workers);
    return new Result(counts, lines, bytes, workers[0].prunedTokens(), (System.nanoTime() - t0) / 1e9);
  }

  private static String describe(List<Path> corpora) {
    if (corpora.size() == 1) {
      return String.valueOf(corpora.get(0).getFileName());
    }
    return corpora.size() + " files";
  }

  /** Block lengths travel as a 4-byte array beside the block (blocks are reused). */
  private static byte[] lengthBytes(int len) {
    return new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
  }

  private static int lengthOf(byte[] b) {
    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  private static boolean isSpace(byte b) {
    return b >= 0 && b <= ' ';
  }

  /** Reads one file into blocks; returns {lines, bytes}. */
  private long[] read(Path path, boolean bytesMode, BlockingQueue<byte[][]> full, BlockingQueue<byte[]> free,
      AtomicReference<Throwable> failure, ProgressListener progress) throws IOException, InterruptedException {
    long lines = 0;
    long bytes = 0;
    try (InputStream in = CompressedInput.open(path, progress::advance).stream()) {
      byte[] buf = free.take();
      int filled = 0;
      while (true) {
        if (failure.get() != null) {
          return new long[] {lines, bytes};
        }
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
        byte[] next = free.take();
        if (next.length < filled - used) {
          next = new byte[Math.max(BLOCK, (filled - used) * 2)];
        }
        System.arraycopy(buf, used, next, 0, filled - used);
        full.put(new byte[][] {buf, lengthBytes(used)});
        filled -= used;
        buf = next;
      }
      if (filled > 0) {
        lines += countNewlines(buf, filled);
        if (buf[filled - 1] != '\n') {
          lines++;
        }
        full.put(new byte[][] {buf, lengthBytes(filled)});
      } else {
        free.offer(buf);
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
