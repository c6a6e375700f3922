package org.embdiff.spark;

import java.util.Arrays;

/**
 * The shuffle's unit: sorted (pair, integer sum) entries of one reduce partition, as a byte
 * array. Layout: tag {@code 'P'}, then per entry the unsigned LEB128 varint of the key's distance
 * from the previous key (the first from 0) and the varint of the sum; a pair key is
 * {@code (word << idBits) | context}. A stats chunk is tag {@code 'S'} and two varints: tokens
 * scanned and tokens in the vocabulary.
 */
final class PairChunk {
  static final byte PAIRS = 'P';
  static final byte STATS = 'S';

  private byte[] buf = new byte[1 << 16];
  private int size;
  private long previous;

  PairChunk(byte tag) {
    buf[size++] = tag;
  }

  void add(long key, long sum) {
    if (size + 20 > buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    putVarint(key - previous);
    putVarint(sum);
    previous = key;
  }

  /** Entries were added. */
  boolean isEmpty() {
    return size == 1;
  }

  /** Bytes encoded so far. */
  int size() {
    return size;
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, size);
  }

  static byte[] stats(long tokens, long inVocab) {
    PairChunk c = new PairChunk(STATS);
    c.putVarint(tokens);
    c.putVarint(inVocab);
    return c.toBytes();
  }

  private void putVarint(long v) {
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** Reads a chunk: {@link #next} returns false at its end. */
  static final class Reader {
    private final byte[] b;
    private int pos = 1;
    private long key;
    private long value;

    Reader(byte[] b) {
      this.b = b;
    }

    byte tag() {
      return b[0];
    }

    /** Moves to the next (key, sum) entry. */
    boolean next() {
      if (pos >= b.length) {
        return false;
      }
      key += varint();
      value = varint();
      return true;
    }

    long key() {
      return key;
    }

    long value() {
      return value;
    }

    /** The next varint (for stats chunks). */
    long varint() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
        shift += 7;
      }
    }
  }
}
