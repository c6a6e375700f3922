package org.embdiff.cooc;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.embdiff.io.CompressedInput;
import org.embdiff.text.Tokenizer;
import org.embdiff.util.AtomicFiles;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Workers;

/**
 * Counts word-word co-occurrences X_ij as Stanford GloVe's {@code cooccur} (Pennington et al.
 * 2014): for every in-vocabulary token, each of the {@code window} previous in-vocabulary tokens
 * of the same line adds 1/distance (or 1) to X[left][right] and, when symmetric, to
 * X[right][left]. Out-of-vocabulary tokens are dropped before windows are formed (they neither
 * count nor take a window slot), exactly as {@code cooccur} skips them. Output: CREC records sorted
 * by (word, context), one per non-zero pair.
 *
 * <p>Engine: each block of lines is tokenized to ids in parallel; the rows (words) are split
 * between threads by a balanced assignment of word counts, and every thread scans all ids but
 * only adds to its own rows, so the shared dense table (pairs whose rank product is small, the
 * layout of {@code cooccur}'s bigram table) needs no locks. Other pairs go to a per-thread buffer
 * of packed (row, column, distance) keys that is radix-sorted and summed into a run; runs stay in
 * memory within the bound and spill to disk beyond it; a k-way merge writes the result.
 */
public final class CooccurrenceCounter {
  private static final double DENSE_SHARE = 0.4;
  private static final double BUFFER_SHARE = 0.2;
  private static final double RUN_SHARE = 0.4;

  private final ByteVocabulary vocab;
  private final CooccurrenceOptions options;
  private final ExecutorService executor;

  /** A counter over {@code vocab} (ids 1..V in its order) on threads of its own. */
  public CooccurrenceCounter(ByteVocabulary vocab, CooccurrenceOptions options) {
    this(vocab, options, null);
  }

  /**
   * A counter over {@code vocab} whose tasks run on {@code executor} (a run's pool, split
   * {@link CooccurrenceOptions#threads()} ways; null = threads of its own).
   */
  public CooccurrenceCounter(ByteVocabulary vocab, CooccurrenceOptions options, ExecutorService executor) {
    this.vocab = vocab;
    this.options = options;
    this.executor = executor;
  }

  /** Counts {@code corpora} with GloVe's whitespace tokenization and writes CREC to {@code output}. */
  public CooccurrenceSummary count(List<Path> corpora, Path output, ProgressListener progress) throws IOException {
    long t0 = System.nanoTime();
    int threads = options.threads();
    Engine engine = new Engine(vocab, options);
    Workers pool = Workers.on(executor, threads, "embdiff-cooccur");
    long blockBytes = Math.max(1 << 16, Math.min(32L << 20, options.memoryBytes() / 16));
    IdSlice[] slices = new IdSlice[threads];
    for (int t = 0; t < threads; t++) {
      slices[t] = new IdSlice();
    }
    long tokens = 0;
    long inVocab = 0;
    progress.start("counting co-occurrences", CorpusVocabulary.totalBytes(corpora), "B");
    try (BlockReader reader = new BlockReader(corpora, (int) blockBytes)) {
      int len;
      while ((len = reader.next()) > 0) {
        byte[] b = reader.buffer();
        int[] bounds = BlockReader.slices(b, len, threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          final int ti = t;
          futures.add(pool.submit(() -> slices[ti].tokenize(vocab, b, bounds[ti], bounds[ti + 1])));
        }
        CorpusVocabulary.await(futures);
        for (IdSlice s : slices) {
          tokens += s.tokens;
          inVocab += s.inVocab;
        }
        engine.countBlock(pool, slices);
        progress.advance(len);
      }
    } finally {
      progress.finish();
    }
    try {
      return engine.finish(output, tokens, inVocab, t0, progress);
    } finally {
      pool.close();
      engine.deleteSpills();
    }
  }

  /**
   * Counts {@code corpora} (UTF-8 text, one document a line) split by {@code tokenizer} (any
   * {@link Tokenizer}: Twitter-aware, PTB-style) and writes CREC to {@code output}. Tokens are looked up as Strings, so this path is slower than
   * {@link #count(List, Path, ProgressListener)}.
   */
  public CooccurrenceSummary count(List<Path> corpora, Tokenizer tokenizer, Path output, ProgressListener progress)
      throws IOException {
    long t0 = System.nanoTime();
    Engine engine = new Engine(vocab, options);
    Workers pool = Workers.on(executor, options.threads(), "embdiff-cooccur");
    Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>(vocab.size());
    for (int id = 1; id <= vocab.size(); id++) {
      ids.put(vocab.word(id), id);
    }
    IdSlice slice = new IdSlice();
    long tokens = 0;
    long inVocab = 0;
    int blockTokens = (int) Math.max(1 << 12, Math.min(8 << 20, options.memoryBytes() / 64));
    progress.start("counting co-occurrences", -1, "lines");
    try {
      for (Path corpus : corpora) {
        try (InputStream in = CompressedInput.open(corpus).stream();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
          String line;
          while ((line = reader.readLine()) != null) {
            for (String tok : tokenizer.tokens(line)) {
              tokens++;
              int id = ids.getInt(tok);
              if (id > 0) {
                inVocab++;
                slice.add(id);
              }
            }
            slice.add(0);
            progress.advance(1);
            if (slice.size >= blockTokens) {
              engine.countBlock(pool, new IdSlice[] {slice.sealed()});
              slice.reset();
            }
          }
        }
      }
      engine.countBlock(pool, new IdSlice[] {slice.sealed()});
    } finally {
      progress.finish();
    }
    try {
      return engine.finish(output, tokens, inVocab, t0, progress);
    } finally {
      pool.close();
      engine.deleteSpills();
    }
  }

  /** The largest P with sum_r min(V, P / r) <= entries (cooccur's dense-table rule), shared by the local and the Spark engine. */
  public static long maxProductFor(int v, long entries) {
    long lo = 0;
    long hi = (long) v * v + 1;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      long total = 0;
      for (int r = 1; r <= v && total <= entries; r++) {
        total += Math.min(v, mid / r);
      }
      if (total <= entries) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The counting state: dense table, per-thread buffers, runs. */
  static final class Engine {
    private final int vocabSize;
    private final int window;
    private final boolean symmetric;
    private final int threads;
    private final int idBits;
    private final int codeBits;
    private final double[] denseWeight;
    private final double[] codeWeight;
    private final int[] rowLen;
    private final int[] rowOff;
    private final double[] dense;
    private final byte[] owner;
    private final long maxProduct;
    private final long[][] keys;
    private final long[][] tmp;
    private final int[] fill;
    private final RunStore runs;

    Engine(ByteVocabulary vocab, CooccurrenceOptions o) throws IOException {
      this.vocabSize = vocab.size();
      this.window = o.window();
      this.symmetric = o.symmetric();
      this.threads = Math.min(o.threads(), 127);
      this.idBits = 32 - Integer.numberOfLeadingZeros(vocabSize);
      this.codeBits = o.distanceWeighting() ? 32 - Integer.numberOfLeadingZeros(window) : 0;
      if (2 * idBits + codeBits > 63) {
        throw new IllegalArgumentException("vocabulary of " + vocabSize + " words with window " + window
            + " does not fit 63-bit pair keys");
      }
      this.denseWeight = new double[window + 1];
      this.codeWeight = new double[o.distanceWeighting() ? window + 1 : 1];
      for (int d = 1; d <= window; d++) {
        // cooccur adds 1.0/(j-k) in double
        denseWeight[d] = o.distanceWeighting() ? 1.0 / d : 1.0;
        if (o.distanceWeighting()) {
          codeWeight[d] = 1.0 / d;
        }
      }
      if (!o.distanceWeighting()) {
        codeWeight[0] = 1.0;
      }
      long mem = o.memoryBytes();
      long denseEntries = Math.min(Integer.MAX_VALUE - 64L, (long) (mem * DENSE_SHARE) / Double.BYTES);
      this.maxProduct = maxProductFor(vocabSize, denseEntries);
      this.rowLen = new int[vocabSize + 1];
      this.rowOff = new int[vocabSize + 1];
      long off = 0;
      for (int r = 1; r <= vocabSize; r++) {
        rowLen[r] = (int) Math.min(vocabSize, maxProduct / r);
        rowOff[r] = (int) off - 1; // so that dense[rowOff[r] + col] is column col (1-based)
        off += rowLen[r];
      }
      this.dense = new double[(int) off];
      this.owner = new byte[vocabSize + 1];
      long[] load = new long[threads];
      for (int id = 1; id <= vocabSize; id++) {
        int best = 0;
        for (int t = 1; t < threads; t++) {
          if (load[t] < load[best]) {
            best = t;
          }
        }
        owner[id] = (byte) best;
        load[best] += Math.max(1, vocab.count(id));
      }
      long bufferEntries = Math.max(4L * window + 1024, (long) (mem * BUFFER_SHARE) / threads / 16);
      bufferEntries = Math.min(bufferEntries, Integer.MAX_VALUE - 64L);
      this.keys = new long[threads][(int) bufferEntries];
      this.tmp = new long[threads][(int) bufferEntries];
      this.fill = new int[threads];
      Path tempDir = o.tempDir();
      this.runs = new RunStore((long) (mem * RUN_SHARE), tempDir, idBits);
    }


    void countBlock(Workers pool, IdSlice[] slices) throws IOException {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int ti = t;
        futures.add(pool.submit(() -> {
          for (IdSlice s : slices) {
            countSlice(ti, s.ids, s.size);
          }
          return null;
        }));
      }
      CorpusVocabulary.await(futures);
    }

    private void countSlice(int t, int[] ids, int n) throws IOException {
      long[] k = keys[t];
      int f = fill[t];
      int limit = k.length - 2 * window;
      final int w = window;
      final byte self = (byte) t;
      final double[] table = dense;
      final int cb = codeBits;
      for (int p = 1; p < n - 1; p++) {
        int row = ids[p];
        if (row == 0 || owner[row] != self) {
          continue;
        }
        if (f > limit) {
          fill[t] = f;
          flush(t);
          f = 0;
        }
        int len = rowLen[row];
        int base = rowOff[row];
        long rowKey = (long) row << idBits;
        if (symmetric) {
          // context to the left: X[row][left word]
          for (int d = 1; d <= w; d++) {
            int col = ids[p - d];
            if (col == 0) {
              break;
            }
            if (col <= len) {
              table[base + col] += denseWeight[d];
            } else {
              k[f++] = ((rowKey | col) << cb) | (cb == 0 ? 0 : d);
            }
          }
        }
        // words to the right: X[row][right word] (row is the left word of the pair)
        for (int d = 1; d <= w; d++) {
          int col = ids[p + d];
          if (col == 0) {
            break;
          }
          if (col <= len) {
            table[base + col] += denseWeight[d];
          } else {
            k[f++] = ((rowKey | col) << cb) | (cb == 0 ? 0 : d);
          }
        }
      }
      fill[t] = f;
    }

    /** Sorts thread t's buffer, sums equal pairs into a run and hands it to the store. */
    private void flush(int t) throws IOException {
      int n = fill[t];
      fill[t] = 0;
      if (n == 0) {
        return;
      }
      long[] sorted = RadixSort.sort(keys[t], tmp[t], n, 2 * idBits + codeBits);
      long[] other = sorted == keys[t] ? tmp[t] : keys[t];
      // sum in place: pairs go to 'other' (as longs), values as raw double bits in 'sorted'
      int m = 0;
      int cb = codeBits;
      long codeMask = (1L << cb) - 1;
      long prev = sorted[0] >>> cb;
      double acc = codeWeight[(int) (sorted[0] & codeMask)];
      for (int i = 1; i < n; i++) {
        long key = sorted[i];
        long pair = key >>> cb;
        double v = codeWeight[(int) (key & codeMask)];
        if (pair == prev) {
          acc += v;
        } else {
          other[m] = prev;
          sorted[m] = Double.doubleToRawLongBits(acc);
          m++;
          prev = pair;
          acc = v;
        }
      }
      other[m] = prev;
      sorted[m] = Double.doubleToRawLongBits(acc);
      m++;
      long[] pairs = Arrays.copyOf(other, m);
      double[] vals = new double[m];
      for (int i = 0; i < m; i++) {
        vals[i] = Double.longBitsToDouble(sorted[i]);
      }
      runs.add(pairs, vals);
    }

    CooccurrenceSummary finish(Path output, long tokens, long inVocab, long t0, ProgressListener progress)
        throws IOException {
      for (int t = 0; t < threads; t++) {
        flush(t);
        keys[t] = null;
        tmp[t] = null;
      }
      ValueDistribution dist = new ValueDistribution(1.0);
      long[] records = new long[1];
      double[] sumMax = new double[2];
      progress.start("merging co-occurrence runs", -1, "records");
      try {
        AtomicFiles.write(output, out -> merge(out, dist, records, sumMax, progress));
      } finally {
        progress.finish();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double density = vocabSize == 0 ? 0 : records[0] / ((double) vocabSize * vocabSize);
      return new CooccurrenceSummary(vocabSize, tokens, inVocab, records[0], sumMax[0], sumMax[1], density,
          maxProduct, runs.runs(), runs.spilled(),
          new PowerLawFit(dist.alphaMle(), dist.alphaLogLog(), dist.xmin(), dist.tailCount()), seconds);
    }

    private void merge(OutputStream os, ValueDistribution dist, long[] records, double[] sumMax,
        ProgressListener progress) throws IOException {
      List<RunStore.Cursor> cursors = new ArrayList<>(runs.cursors());
      cursors.add(new DenseCursor());
      try (CrecWriter writer = new CrecWriter(os)) {
        int k = cursors.size();
        RunStore.Cursor[] heap = new RunStore.Cursor[k];
        int size = 0;
        for (RunStore.Cursor c : cursors) {
          if (c.advance()) {
            heap[size++] = c;
            siftUp(heap, size - 1);
          }
        }
        long pending = -1;
        double acc = 0;
        long mask = (1L << idBits) - 1;
        double sum = 0;
        double max = 0;
        long written = 0;
        while (size > 0) {
          RunStore.Cursor top = heap[0];
          long key = top.key();
          if (key == pending) {
            acc += top.value();
          } else {
            if (pending >= 0) {
              writer.write((int) (pending >>> idBits), (int) (pending & mask), acc);
              sum += acc;
              max = Math.max(max, acc);
              dist.add(acc);
              if ((++written & 0xFFFFF) == 0) {
                progress.advance(1 << 20);
              }
            }
            pending = key;
            acc = top.value();
          }
          if (top.advance()) {
            siftDown(heap, size, 0);
          } else {
            heap[0] = heap[--size];
            heap[size] = null;
            if (size > 0) {
              siftDown(heap, size, 0);
            }
          }
        }
        if (pending >= 0) {
          writer.write((int) (pending >>> idBits), (int) (pending & mask), acc);
          sum += acc;
          max = Math.max(max, acc);
          dist.add(acc);
          written++;
        }
        records[0] = written;
        sumMax[0] = sum;
        sumMax[1] = max;
      } finally {
        for (RunStore.Cursor c : cursors) {
          c.close();
        }
      }
    }

    private static void siftUp(RunStore.Cursor[] h, int i) {
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (h[p].key() <= h[i].key()) {
          return;
        }
        RunStore.Cursor t = h[p];
        h[p] = h[i];
        h[i] = t;
        i = p;
      }
    }

    private static void siftDown(RunStore.Cursor[] h, int size, int i) {
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          return;
        }
        int m = l + 1 < size && h[l + 1].key() < h[l].key() ? l + 1 : l;
        if (h[i].key() <= h[m].key()) {
          return;
        }
        RunStore.Cursor t = h[m];
        h[m] = h[i];
        h[i] = t;
        i = m;
      }
    }

    void deleteSpills() throws IOException {
      runs.deleteAll();
    }

    /** Non-zero dense entries in (row, column) order. */
    private final class DenseCursor implements RunStore.Cursor {
      private int row = 1;
      private int col = 0;
      private long key;
      private double value;

      @Override
      public boolean advance() {
        while (row <= vocabSize) {
          int len = rowLen[row];
          int base = rowOff[row];
          while (++col <= len) {
            double v = dense[base + col];
            if (v != 0) {
              key = ((long) row << idBits) | col;
              value = v;
              return true;
            }
          }
          row++;
          col = 0;
        }
        return false;
      }

      @Override
      public long key() {
        return key;
      }

      @Override
      public double value() {
        return value;
      }

      @Override
      public void close() {}
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temp file that cannot be deleted is left for the OS temp cleaner
    }
  }
}
