package org.embdiff.cooc;

import java.util.Arrays;

/**
 * Counts byte tokens in a growable open-addressing hash (no String per token). Not thread-safe:
 * one per thread or task, then {@link #addAll(ByteTokenCounter)}.
 *
 * <p>Memory layout: token bytes concatenated in {@code pool}; entry {@code e} is
 * {@code pool[start[e] .. start[e] + length[e])} with {@code counts[e]}; {@code table} holds
 * entry + 1 (0 = empty) at load factor at most 1/2.
 */
public final class ByteTokenCounter implements StanfordTokens.Sink {
  /** Receives the entries of {@link #forEach}. */
  public interface EntryConsumer {
    /** A distinct token {@code b[off, off + len)} seen {@code count} times. */
    void accept(byte[] b, int off, int len, long count);
  }

  private byte[] pool = new byte[1 << 16];
  private int poolSize;
  private int[] start = new int[1 << 10];
  private int[] length = new int[1 << 10];
  private long[] counts = new long[1 << 10];
  private int[] hashes = new int[1 << 10];
  private int size;
  private int[] table = new int[1 << 11];
  private long tokens;
  private final byte[] scratch = StanfordTokens.newScratch();

  /** Tokens counted. */
  public long tokens() {
    return tokens;
  }

  /** Distinct tokens. */
  public int size() {
    return size;
  }

  /** Counts every token of the lines in {@code b[from, to)} (GloVe's tokenization, {@link StanfordTokens#scan}). */
  public void countSlice(byte[] b, int from, int to) {
    StanfordTokens.scan(b, from, to, scratch, this);
  }

  /** One token of a scan: counted once. */
  @Override
  public void token(byte[] b, int off, int len, int hash) {
    add(hash, b, off, len, 1);
  }

  /** Line ends do not matter for counting. */
  @Override
  public void lineEnd() {}

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

  /** Adds {@code count} occurrences of the token {@code b[off, off + len)}. */
  public void add(byte[] b, int off, int len, long count) {
    add(ByteVocabulary.hash(b, off, len), b, off, len, count);
  }

  /** Calls {@code action} with every distinct token and its count, in insertion order. */
  public void forEach(EntryConsumer action) {
    for (int e = 0; e < size; e++) {
      action.accept(pool, start[e], length[e], counts[e]);
    }
  }

  /** Adds every count of {@code other} into this one. */
  public void addAll(ByteTokenCounter other) {
    for (int e = 0; e < other.size; e++) {
      add(other.hashes[e], other.pool, other.start[e], other.length[e], other.counts[e]);
    }
  }

  /** The tokens as Stanford {@code vocab_count} orders and truncates them. */
  public ByteVocabulary toVocabulary(long minCount, int maxVocab) {
    byte[][] words = new byte[size][];
    for (int e = 0; e < size; e++) {
      words[e] = Arrays.copyOfRange(pool, start[e], start[e] + length[e]);
    }
    return ByteVocabulary.sorted(words, Arrays.copyOf(counts, size), minCount, maxVocab);
  }
}
