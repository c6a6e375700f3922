package org.embdiff.cooc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.embdiff.io.CompressedInput;
import org.embdiff.stats.Counts;
import org.embdiff.util.AtomicFiles;

/**
 * A co-occurrence vocabulary: words as raw UTF-8 bytes with their counts, in Stanford
 * {@code vocab_count} order (descending count, ties by unsigned byte order as C's
 * {@code strcmp}), with 1-based ids in that order, and a byte-keyed open-addressing hash for
 * tokenizer lookups without creating Strings.
 *
 * <p>Memory layout: all word bytes concatenated in {@code pool}; word {@code id} occupies
 * {@code pool[start[id-1] .. start[id])}; {@code table} holds ids (0 = empty), size a power of
 * two at least twice the vocabulary. Serializable, so a cluster engine can ship it to its tasks.
 */
public final class ByteVocabulary implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] pool;
  private final int[] start;
  private final long[] counts;
  private final int[] table;
  private final int mask;

  private ByteVocabulary(byte[][] words, long[] counts) {
    int n = words.length;
    long total = 0;
    for (byte[] w : words) {
      total += w.length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("vocabulary too large: " + total + " bytes of words");
    }
    this.pool = new byte[(int) total];
    this.start = new int[n + 1];
    int off = 0;
    for (int i = 0; i < n; i++) {
      start[i] = off;
      System.arraycopy(words[i], 0, pool, off, words[i].length);
      off += words[i].length;
    }
    start[n] = off;
    this.counts = counts.clone();
    int size = Integer.highestOneBit(Math.max(16, n * 2 + 1)) << 1;
    this.table = new int[size];
    this.mask = size - 1;
    for (int i = 0; i < n; i++) {
      int h = hash(pool, start[i], start[i + 1] - start[i]);
      int slot = h & mask;
      while (true) {
        int id = table[slot];
        if (id == 0) {
          table[slot] = i + 1;
          break;
        }
        if (equals(id, pool, start[i], start[i + 1] - start[i])) {
          throw new IllegalArgumentException("duplicate vocabulary word '" + word(id) + "' at ranks " + id
              + " and " + (i + 1));
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /**
   * A vocabulary of {@code words} with {@code counts}, in the order given (ids 1..n).
   *
   * @throws IllegalArgumentException on a duplicate word or a word with whitespace
   */
  public static ByteVocabulary ofOrdered(byte[][] words, long[] counts) {
    if (words.length != counts.length) {
      throw new IllegalArgumentException("words " + words.length + " != counts " + counts.length);
    }
    return new ByteVocabulary(words, counts);
  }

  /**
   * Sorts {@code words} as Stanford {@code vocab_count} does (count descending, ties by unsigned
   * bytes) and keeps those with count at least {@code minCount}, at most {@code maxVocab} (0 = all).
   */
  public static ByteVocabulary sorted(byte[][] words, long[] counts, long minCount, int maxVocab) {
    Integer[] order = new Integer[words.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Long.compare(counts[b], counts[a]);
      return c != 0 ? c : Arrays.compareUnsigned(words[a], words[b]);
    });
    int n = 0;
    while (n < order.length && counts[order[n]] >= minCount && (maxVocab <= 0 || n < maxVocab)) {
      n++;
    }
    byte[][] w = new byte[n][];
    long[] c = new long[n];
    for (int i = 0; i < n; i++) {
      w[i] = words[order[i]];
      c[i] = counts[order[i]];
    }
    return new ByteVocabulary(w, c);
  }

  /** The words of {@code counts} in their rank order (ids = rank + 1). */
  public static ByteVocabulary of(Counts counts) {
    byte[][] words = new byte[counts.size()][];
    for (int i = 0; i < words.length; i++) {
      words[i] = counts.word(i).getBytes(StandardCharsets.UTF_8);
    }
    return new ByteVocabulary(words, counts.counts());
  }

  /**
   * Reads a Stanford {@code vocab.txt} ({@code word count} per line, in id order; plain or
   * compressed). Like {@code cooccur}, the line order defines the ids whatever the counts.
   *
   * @throws CrecFormatException naming file:line for a line without a word and an integer count
   */
  public static ByteVocabulary read(Path path) throws IOException {
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw new java.io.FileNotFoundException("vocabulary file not found: " + path);
    }
    it.unimi.dsi.fastutil.objects.ObjectArrayList<byte[]> words = new it.unimi.dsi.fastutil.objects.ObjectArrayList<>();
    it.unimi.dsi.fastutil.longs.LongArrayList counts = new it.unimi.dsi.fastutil.longs.LongArrayList();
    try (InputStream in = CompressedInput.open(path).stream();
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
      String line;
      int lineNo = 0;
      it.unimi.dsi.fastutil.objects.ObjectOpenHashSet<String> seen = new it.unimi.dsi.fastutil.objects.ObjectOpenHashSet<>();
      while ((line = reader.readLine()) != null) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty()) {
          continue;
        }
        String[] parts = t.split("[ \t]+");
        if (parts.length != 2) {
          throw new CrecFormatException("expected 'word count' (2 fields), found " + parts.length + " at "
              + path + ":" + lineNo);
        }
        long c;
        try {
          c = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
          throw new CrecFormatException("count '" + parts[1] + "' is not an integer at " + path + ":" + lineNo);
        }
        if (!seen.add(parts[0])) {
          throw new CrecFormatException("duplicate word '" + new String(parts[0].getBytes(StandardCharsets.ISO_8859_1),
              StandardCharsets.UTF_8) + "' at " + path + ":" + lineNo);
        }
        // ISO-8859-1 round-trips every byte, so the word keeps its exact corpus bytes
        words.add(parts[0].getBytes(StandardCharsets.ISO_8859_1));
        counts.add(c);
      }
    }
    if (words.isEmpty()) {
      throw new CrecFormatException("empty vocabulary file: " + path);
    }
    return new ByteVocabulary(words.toArray(new byte[0][]), counts.toLongArray());
  }

  /** Writes {@code word count} lines in id order (Stanford {@code vocab.txt}), atomically. */
  public void write(Path path) throws IOException {
    AtomicFiles.write(path, out -> writeTo(out));
  }

  /** Writes {@code word count} lines in id order to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    byte[] sp = {' '};
    for (int i = 0; i < size(); i++) {
      out.write(pool, start[i], start[i + 1] - start[i]);
      out.write(sp);
      out.write(Long.toString(counts[i]).getBytes(StandardCharsets.US_ASCII));
      out.write('\n');
    }
  }

  /** Number of words. */
  public int size() {
    return counts.length;
  }

  /** The word with 1-based {@code id}, decoded as UTF-8. */
  public String word(int id) {
    return new String(pool, start[id - 1], start[id] - start[id - 1], StandardCharsets.UTF_8);
  }

  /** The count of 1-based {@code id}. */
  public long count(int id) {
    return counts[id - 1];
  }

  /** All words decoded, in id order (index = id - 1). */
  public String[] words() {
    String[] w = new String[size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = word(i + 1);
    }
    return w;
  }

  /** Counts in id order (index = id - 1), a copy. */
  public long[] counts() {
    return counts.clone();
  }

  /** As {@link Counts} (rank = id - 1). */
  public Counts toCounts(long totalTokens) {
    return new Counts(words(), counts, totalTokens, true);
  }

  /** 1-based id of the UTF-8 bytes {@code b[off..off+len)}, or 0 when absent. */
  public int id(byte[] b, int off, int len) {
    return idWithHash(hash(b, off, len), b, off, len);
  }

  /** Like {@link #id(byte[], int, int)} with a precomputed hash (as {@link StanfordTokens.Sink} gets it). */
  public int idWithHash(int h, byte[] b, int off, int len) {
    int slot = h & mask;
    while (true) {
      int id = table[slot];
      if (id == 0 || equals(id, b, off, len)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** 1-based id of {@code word}, or 0 when absent. */
  public int id(String word) {
    byte[] b = word.getBytes(StandardCharsets.UTF_8);
    return id(b, 0, b.length);
  }

  private boolean equals(int id, byte[] b, int off, int len) {
    int s = start[id - 1];
    if (start[id] - s != len) {
      return false;
    }
    return Arrays.equals(pool, s, s + len, b, off, off + len);
  }

  /** The byte hash used for lookups (FNV-1a with a final avalanche). */
  static int hash(byte[] b, int off, int len) {
    int h = 0x811c9dc5;
    for (int i = off, end = off + len; i < end; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return mix(h);
  }

  /** Final avalanche so that the low bits used as a slot are well spread. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
