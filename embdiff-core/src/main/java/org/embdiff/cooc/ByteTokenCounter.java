package org.embdiff.cooc;

import java.util.Arrays;

/**
 * Counts byte tokens in a growable open-addressing hash (no String per token). Not thread-safe:
 * one per thread, then {@link #addAll(ByteTokenCounter)}.
 *
 * <p>Memory layout: token bytes concatenated in {@code pool}; entry {@code e} is
 * {@code pool[start[e] .. start[e] + length[e])} with {@code counts[e]}; {@code table} holds
 * entry + 1 (0 = empty) at load factor at most 1/2.
 */
final class ByteTokenCounter {
  private byte[] pool = new byte[1 << 16];
  private int poolSize;
  private int[] start = new int[1 << 10];
  private int[] length = new int[1 << 10];
  private long[] counts = new long[1 << 10];
  private int[] hashes = new int[1 << 10];
  private int size;
  private int[] table = new int[1 << 11];
  private long tokens;
  private final byte[] scratch = new byte[StanfordTokens.MAX_TOKEN_BYTES + 1];

  /** Tokens counted. */
  long tokens() {
    return tokens;
  }

  /** Distinct tokens. */
  int size() {
    return size;
  }

  /** Counts every token of the lines in {@code b[from, to)} (GloVe's tokenization). */
  void countSlice(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int s = i;
      int h = 0x811c9dc5;
      boolean slow = false;
      while (i < to) {
        c = b[i];
        if (c == ' ' || c == '\t' || c == '\n') {
          break;
        }
        if (c == '\r') {
          slow = true;
        }
        h = (h ^ c) * 0x01000193;
        i++;
      }
      int len = i - s;
      if (slow || len >= StanfordTokens.MAX_TOKEN_BYTES) {
        int n = StanfordTokens.normalizeSlow(b, s, i, scratch);
        if (n > 0) {
          add(ByteVocabulary.hash(scratch, 0, n), scratch, 0, n, 1);
        }
      } else {
        add(ByteVocabulary.mix(h), b, s, len, 1);
      }
    }
  }

  /** Adds {@code n} occurrences of {@code b[off..off+len)} whose hash is {@code h}. */
  void add(int h, byte[] b, int off, int len, long n) {
    tokens += n;
    int mask = table.length - 1;
    int slot = h & mask;
    while (true) {
      int e = table[slot] - 1;
      if (e < 0) {
        break;
      }
      if (hashes[e] == h && length[e] == len
          && Arrays.equals(pool, start[e], start[e] + len, b, off, off + len)) {
        counts[e] += n;
        return;
      }
      slot = (slot + 1) & mask;
    }
    if (size == counts.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      length = Arrays.copyOf(length, cap);
      counts = Arrays.copyOf(counts, cap);
      hashes = Arrays.copyOf(hashes, cap);
    }
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(poolSize + len, (int) Math.min(Integer.MAX_VALUE - 16, pool.length * 2L)));
    }
    System.arraycopy(b, off, pool, poolSize, len);
    start[size] = poolSize;
    length[size] = len;
    counts[size] = n;
    hashes[size] = h;
    poolSize += len;
    table[slot] = ++size;
    if (size * 2 > table.length) {
      rehash();
    }
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int e = 0; e < size; e++) {
      int slot = hashes[e] & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = e + 1;
    }
    table = t;
  }

  /** Adds every count of {@code other} into this one. */
  void addAll(ByteTokenCounter other) {
    for (int e = 0; e < other.size; e++) {
      add(other.hashes[e], other.pool, other.start[e], other.length[e], other.counts[e]);
    }
  }

  /** The tokens as Stanford {@code vocab_count} orders and truncates them. */
  ByteVocabulary toVocabulary(long minCount, int maxVocab) {
    byte[][] words = new byte[size][];
    for (int e = 0; e < size; e++) {
      words[e] = Arrays.copyOfRange(pool, start[e], start[e] + length[e]);
    }
    return ByteVocabulary.sorted(words, Arrays.copyOf(counts, size), minCount, maxVocab);
  }
}
