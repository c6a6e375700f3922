package org.embdiff.stats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * Counts byte-string tokens without allocating a String per token: an open-addressing table
 * (linear probing, power-of-two capacity) of entry ids, whose key bytes live in one growing byte
 * arena. Memory layout: {@code slots[i]} is {@code (hash << 32) | (e + 1)}, or 0 when empty, so a
 * probe compares hashes without touching the entry; entry {@code e} has key bytes
 * {@code arena[loc[2e] .. loc[2e] + loc[2e+1])} (offset and length side by side, one cache line)
 * and count {@code count[e]}.
 * Not thread-safe: each counting thread owns one.
 */
final class ByteCountTable {
  private long[] slots;
  private int mask;
  private byte[] arena = new byte[1 << 16];
  private int arenaUsed;
  private int[] loc = new int[2048];
  private long[] count = new long[1024];
  private int size;
  private final int maxEntries;
  private long prunedTokens;
  private long prunedTypes;
  private long pruneThreshold;

  /**
   * @param maxEntries memory bound: when the table holds more distinct tokens than this, the rarest
   *     are pruned (their occurrences counted in {@link #prunedTokens()})
   */
  ByteCountTable(int maxEntries) {
    this.maxEntries = maxEntries;
    this.slots = new long[1 << 12];
    this.mask = slots.length - 1;
  }

  /** Finalises a running hash into a well-mixed int (murmur3 fmix32). */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** Hash of {@code buf[from..to)} as {@link #add} expects it. */
  static int hashOf(byte[] buf, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + buf[i];
    }
    return mix(h);
  }

  /** Adds {@code n} to the count of the key {@code buf[from..to)} whose {@link #hashOf} is {@code h}. */
  void add(byte[] buf, int from, int to, int h, long n) {
    int len = to - from;
    int i = h & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        break;
      }
      // compare the hash kept in the slot first; Arrays.equals on ranges is an intrinsic (vectorised) compare
      if ((int) (s >>> 32) == h) {
        int e = (int) s - 1;
        int off = loc[2 * e];
        if (loc[2 * e + 1] == len && Arrays.equals(arena, off, off + len, buf, from, to)) {
          count[e] += n;
          return;
        }
      }
      i = (i + 1) & mask;
    }
    insert(i, buf, from, len, h, n);
  }

  private void insert(int slot, byte[] buf, int from, int len, int h, long n) {
    if (size == count.length) {
      int cap = count.length * 2;
      loc = Arrays.copyOf(loc, 2 * cap);
      count = Arrays.copyOf(count, cap);
    }
    if (arenaUsed + len > arena.length) {
      long cap = Math.max((long) arena.length * 2, (long) arenaUsed + len);
      if (cap > Integer.MAX_VALUE - 16) {
        cap = Integer.MAX_VALUE - 16;
        if (arenaUsed + len > cap) {
          throw new IllegalStateException("token arena full (" + arenaUsed + " bytes); lower the memory bound");
        }
      }
      arena = Arrays.copyOf(arena, (int) cap);
    }
    System.arraycopy(buf, from, arena, arenaUsed, len);
    int e = size++;
    loc[2 * e] = arenaUsed;
    loc[2 * e + 1] = len;
    count[e] = n;
    arenaUsed += len;
    slots[slot] = slot(h, e);
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    if (size > maxEntries) {
      prune();
    }
  }

  private static long slot(int h, int e) {
    return ((long) h << 32) | (e + 1L);
  }

  private int hashOfEntry(int e) {
    return hashOf(arena, loc[2 * e], loc[2 * e] + loc[2 * e + 1]);
  }

  private void rehash(int capacity) {
    long[] old = slots;
    slots = new long[capacity];
    mask = capacity - 1;
    if (old.length == capacity) {
      // after pruning: entries moved, recompute their hashes
      for (int e = 0; e < size; e++) {
        place(hashOfEntry(e), e);
      }
      return;
    }
    for (long s : old) {
      if (s != 0) {
        place((int) (s >>> 32), (int) s - 1);
      }
    }
  }

  private void place(int h, int e) {
    int i = h & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot(h, e);
  }

  /**
   * Drops the rarest entries until at most half the bound remain (as word2vec's ReduceVocab,
   * raising the threshold each time), counting what was dropped, then compacts the arena.
   */
  private void prune() {
    int target = Math.max(1, maxEntries / 2);
    while (size > target) {
      pruneThreshold++;
      int kept = 0;
      int used = 0;
      for (int e = 0; e < size; e++) {
        if (count[e] <= pruneThreshold) {
          prunedTokens += count[e];
          prunedTypes++;
          continue;
        }
        int len = loc[2 * e + 1];
        System.arraycopy(arena, loc[2 * e], arena, used, len);
        loc[2 * kept] = used;
        loc[2 * kept + 1] = len;
        count[kept] = count[e];
        used += len;
        kept++;
      }
      size = kept;
      arenaUsed = used;
    }
    rehash(slots.length);
  }

  /** Adds every entry of {@code other} into this table (pruned totals too). */
  void addAll(ByteCountTable other) {
    for (int e = 0; e < other.size; e++) {
      int off = other.loc[2 * e];
      add(other.arena, off, off + other.loc[2 * e + 1], other.hashOfEntry(e), other.count[e]);
    }
    prunedTokens += other.prunedTokens;
    prunedTypes += other.prunedTypes;
    pruneThreshold = Math.max(pruneThreshold, other.pruneThreshold);
  }

  /** Calls {@code action} with each key (decoded once, as UTF-8) and its count. */
  void forEach(ObjLongConsumer<String> action) {
    for (int e = 0; e < size; e++) {
      action.accept(new String(arena, loc[2 * e], loc[2 * e + 1], StandardCharsets.UTF_8), count[e]);
    }
  }

  /** Distinct keys held. */
  int size() {
    return size;
  }

  /** Occurrences dropped by pruning. */
  long prunedTokens() {
    return prunedTokens;
  }

  /** Entries dropped by pruning (a type may be counted more than once if it came back). */
  long prunedTypes() {
    return prunedTypes;
  }

  /** The highest count ever pruned (0 when nothing was pruned). */
  long pruneThreshold() {
    return pruneThreshold;
  }
}
