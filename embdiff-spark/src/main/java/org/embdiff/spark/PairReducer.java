package org.embdiff.spark;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.embdiff.cooc.CrecWriter;
import org.embdiff.cooc.ExactWeights;
import scala.Tuple2;

/**
 * The reduce side of co-occurrence counting: adds the integer sums of every chunk sent to this
 * partition (exact, so the order in which chunks arrive does not matter), then yields the records
 * in (word, context) order as CREC bytes ({@link CrecWriter}'s layout), each value the sum over L
 * rounded once ({@link ExactWeights#value}). The first element is the partition's stats:
 * tag {@code 'S'}, then tokens, in-vocabulary tokens and records as little-endian longs.
 */
final class PairReducer {
  /** Records per output element (1 MiB of CREC). */
  static final int RECORDS_PER_ELEMENT = 1 << 16;

  private PairReducer() {}

  static Iterator<byte[]> reduce(Iterator<Tuple2<Integer, byte[]>> chunks, ExactWeights weights, int idBits) {
    Long2LongOpenHashMap sums = new Long2LongOpenHashMap();
    long tokens = 0;
    long inVocab = 0;
    while (chunks.hasNext()) {
      PairChunk.Reader r = new PairChunk.Reader(chunks.next()._2());
      if (r.tag() == PairChunk.STATS) {
        tokens += r.varint();
        inVocab += r.varint();
        continue;
      }
      while (r.next()) {
        long add = r.value();
        long old = sums.addTo(r.key(), add);
        if (old + add < old) {
          throw new ArithmeticException("co-occurrence sum overflows 63 bits for pair key " + r.key());
        }
      }
    }
    long[] keys = sums.keySet().toLongArray();
    LongArrays.radixSort(keys);
    List<byte[]> head = new ArrayList<>(1);
    ByteBuffer stats = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN);
    stats.put(PairChunk.STATS).putLong(tokens).putLong(inVocab).putLong(keys.length);
    head.add(stats.array());
    long mask = (1L << idBits) - 1;
    return new Iterator<>() {
      private int next = -1;

      @Override
      public boolean hasNext() {
        return next < keys.length;
      }

      @Override
      public byte[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (next < 0) {
          next = 0;
          return head.get(0);
        }
        int n = Math.min(RECORDS_PER_ELEMENT, keys.length - next);
        ByteBuffer b = ByteBuffer.allocate(1 + n * CrecWriter.RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(PairChunk.PAIRS);
        for (int i = next; i < next + n; i++) {
          long key = keys[i];
          b.putInt((int) (key >>> idBits)).putInt((int) (key & mask)).putDouble(weights.value(sums.get(key)));
        }
        next += n;
        return b.array();
      }
    };
  }
}
