package org.embdiff.stats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * Counts byte-string tokens without allocating a String per token: an open-addressing table
 * (linear probing, power-of-two capacity) of entry ids, whose key bytes live in one growing byte
 * arena. Memory layout: entry {@code e} has key bytes {@code arena[offset[e] .. offset[e]+length[e])},
 * hash {@code hash[e]} and count {@code count[e]}; {@code slots[i]} is {@code e + 1} or 0 (empty).
 * Not thread-safe: each counting thread owns one.
 */
final class ByteCountTable {
  private int[] slots;
  private int mask;
  private byte[] arena = new byte[1 << 16];
  private int arenaUsed;
  private int[] offset = new int[1024];
  private int[] length = new int[1024];
  private int[] hash = new int[1024];
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
    this.slots = new int[1 << 12];
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
      int s = slots[i];
      if (s == 0) {
        break;
      }
      int e = s - 1;
      // compare the cached hash first; Arrays.equals on ranges is an intrinsic (vectorised) compare
      if (hash[e] == h && length[e] == len && Arrays.equals(arena, offset[e], offset[e] + len, buf, from, to)) {
        count[e] += n;
        return;
      }
      i = (i + 1) & mask;
    }
    insert(i, buf, from, len, h, n);
  }

  private void insert(int slot, byte[] buf, int from, int len, int h, long n) {
    if (size == offset.length) {
      int cap = offset.length * 2;
      offset = Arrays.copyOf(offset, cap);
      length = Arrays.copyOf(length, cap);
      hash = Arrays.copyOf(hash, cap);
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
    offset[e] = arenaUsed;
    length[e] = len;
    hash[e] = h;
    count[e] = n;
    arenaUsed += len;
    slots[slot] = e + 1;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    if (size > maxEntries) {
      prune();
    }
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    mask = capacity - 1;
    for (int e = 0; e < size; e++) {
      int i = hash[e] & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = e + 1;
    }
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
        System.arraycopy(arena, offset[e], arena, used, length[e]);
        offset[kept] = used;
        length[kept] = length[e];
        hash[kept] = hash[e];
        count[kept] = count[e];
        used += length[e];
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
      add(other.arena, other.offset[e], other.offset[e] + other.length[e], other.hash[e], other.count[e]);
    }
    prunedTokens += other.prunedTokens;
    prunedTypes += other.prunedTypes;
    pruneThreshold = Math.max(pruneThreshold, other.pruneThreshold);
  }

  /** Calls {@code action} with each key (decoded once, as UTF-8) and its count. */
  void forEach(ObjLongConsumer<String> action) {
    for (int e = 0; e < size; e++) {
      action.accept(new String(arena, offset[e], length[e], StandardCharsets.UTF_8), count[e]);
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
