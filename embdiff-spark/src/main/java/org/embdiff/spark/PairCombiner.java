package org.embdiff.spark;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.ExactWeights;
import org.embdiff.cooc.IdSlice;
import scala.Tuple2;

/**
 * The map side of co-occurrence counting in one task: each block's in-vocabulary ids
 * ({@link IdSlice}, the local engine's tokenization) are windowed as Stanford {@code cooccur} does
 * (for every token, the {@code window} previous and, when symmetric, next in-vocabulary tokens of
 * its line), and each pair adds the integer weight L/d ({@link ExactWeights}) to X[word][context].
 * Frequent pairs (rank product up to a bound, {@code cooccur}'s dense-table rule) sum in a dense
 * table; the others go to a buffer of packed (pair, distance) keys that is sorted and summed when
 * full. Both leave as sorted {@link PairChunk}s, one per reduce partition they touch.
 *
 * <p>Memory: the dense table ({@code denseEntries} longs) and the buffer ({@code bufferEntries}
 * longs), plus the chunks of one flush.
 */
final class PairCombiner {
  private final ByteVocabulary vocab;
  private final int window;
  private final boolean symmetric;
  private final long[] weight;
  private final RowRanges ranges;
  private final int idBits;
  private final int codeBits;
  private final int[] rowLen;
  private final long[] rowOff;
  private final long[] dense;
  private final long[] keys;
  private int fill;
  private final IdSlice slice = new IdSlice();
  private final ArrayDeque<Tuple2<Integer, byte[]>> out = new ArrayDeque<>();
  private long tokens;
  private long inVocab;

  PairCombiner(ByteVocabulary vocab, int window, boolean symmetric, ExactWeights weights, RowRanges ranges,
      int denseEntries, int bufferEntries) {
    this.vocab = vocab;
    this.window = window;
    this.symmetric = symmetric;
    this.weight = new long[window + 1];
    for (int d = 1; d <= window; d++) {
      weight[d] = weights.weight(d);
    }
    this.ranges = ranges;
    int v = vocab.size();
    this.idBits = 32 - Integer.numberOfLeadingZeros(v);
    this.codeBits = 32 - Integer.numberOfLeadingZeros(window);
    if (2 * idBits + codeBits > 63) {
      throw new IllegalArgumentException("vocabulary of " + v + " words with window " + window
          + " does not fit 63-bit pair keys");
    }
    long maxProduct = org.embdiff.cooc.CooccurrenceCounter.maxProductFor(v, denseEntries);
    this.rowLen = new int[v + 1];
    this.rowOff = new long[v + 1];
    long off = 0;
    for (int r = 1; r <= v; r++) {
      rowLen[r] = (int) Math.min(v, maxProduct / r);
      rowOff[r] = off - 1;
      off += rowLen[r];
    }
    this.dense = new long[(int) off];
    this.keys = new long[Math.max(bufferEntries, 4 * window + 64)];
  }

  /** The chunks of a whole partition, produced as the blocks are read. */
  Iterator<Tuple2<Integer, byte[]>> run(Iterator<Block> blocks) {
    return new Iterator<>() {
      private boolean finished;

      @Override
      public boolean hasNext() {
        while (out.isEmpty()) {
          if (blocks.hasNext()) {
            Block b = blocks.next();
            add(b.buf, b.len);
          } else if (!finished) {
            finish();
            finished = true;
          } else {
            return false;
          }
        }
        return true;
      }

      @Override
      public Tuple2<Integer, byte[]> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.poll();
      }
    };
  }

  void add(byte[] b, int len) {
    slice.tokenize(vocab, b, 0, len);
    tokens += slice.tokens();
    inVocab += slice.inVocab();
    int[] ids = slice.ids();
    int n = slice.size();
    long[] k = keys;
    long[] table = dense;
    int w = window;
    int cb = codeBits;
    int limit = k.length - 2 * w;
    for (int p = 1; p < n - 1; p++) {
      int row = ids[p];
      if (row == 0) {
        continue;
      }
      if (fill > limit) {
        flush();
      }
      int f = fill;
      int len2 = rowLen[row];
      long base = rowOff[row];
      long rowKey = (long) row << idBits;
      if (symmetric) {
        for (int d = 1; d <= w; d++) {
          int col = ids[p - d];
          if (col == 0) {
            break;
          }
          if (col <= len2) {
            table[(int) (base + col)] += weight[d];
          } else {
            k[f++] = ((rowKey | col) << cb) | d;
          }
        }
      }
      for (int d = 1; d <= w; d++) {
        int col = ids[p + d];
        if (col == 0) {
          break;
        }
        if (col <= len2) {
          table[(int) (base + col)] += weight[d];
        } else {
          k[f++] = ((rowKey | col) << cb) | d;
        }
      }
      fill = f;
    }
  }

  /** Sorts the buffer, sums each pair and emits the sums as chunks. */
  private void flush() {
    int n = fill;
    fill = 0;
    if (n == 0) {
      return;
    }
    LongArrays.radixSort(keys, 0, n);
    Emitter e = new Emitter();
    long codeMask = (1L << codeBits) - 1;
    long prev = keys[0] >>> codeBits;
    long acc = 0;
    for (int i = 0; i < n; i++) {
      long key = keys[i];
      long pair = key >>> codeBits;
      if (pair != prev) {
        e.add(prev, acc);
        prev = pair;
        acc = 0;
      }
      acc += weight[(int) (key & codeMask)];
    }
    e.add(prev, acc);
    e.close();
  }

  private void finish() {
    flush();
    Emitter e = new Emitter();
    for (int row = 1; row < rowLen.length; row++) {
      long base = rowOff[row];
      long rowKey = (long) row << idBits;
      for (int col = 1; col <= rowLen[row]; col++) {
        long v = dense[(int) (base + col)];
        if (v != 0) {
          e.add(rowKey | col, v);
        }
      }
    }
    e.close();
    out.add(new Tuple2<>(0, PairChunk.stats(tokens, inVocab)));
  }

  /** Cuts ascending (pair, sum) entries into one chunk per reduce partition. */
  private final class Emitter {
    private int range = -1;
    private int lastRow = -1;
    private PairChunk chunk;

    void add(long pair, long sum) {
      int row = (int) (pair >>> idBits);
      if (row > lastRow) {
        close();
        range = ranges.rangeOf(row);
        lastRow = ranges.lastRow(range);
        chunk = new PairChunk(PairChunk.PAIRS);
      }
      chunk.add(pair, sum);
    }

    void close() {
      if (chunk != null && !chunk.isEmpty()) {
        out.add(new Tuple2<>(range, chunk.toBytes()));
      }
      chunk = null;
    }
  }
}
