package org.embdiff.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CorpusVocabulary;
import org.embdiff.io.CompressedInput;
import org.embdiff.util.ProgressListener;

/**
 * A corpus held in memory as int word ids, one document per line, for SGNS training: the
 * vocabulary (words with count at least {@code minCount}, most frequent first, ties in byte order
 * as {@code vocab_count}), and the in-vocabulary tokens of each line in order. Out-of-vocabulary
 * tokens are dropped before windowing, as word2vec and gensim do.
 *
 * <p>Memory layout: {@code tokens} holds every line's ids back to back; line {@code i} is
 * {@code tokens[lineStarts[i] .. lineStarts[i + 1])}; ids are 0-based ranks in {@code words}.
 */
public final class TokenCorpus {
  private static final int BUFFER = 1 << 20;

  private final String[] words;
  private final long[] counts;
  private final int[] tokens;
  private final int[] lineStarts;
  private final long rawTokens;

  private TokenCorpus(String[] words, long[] counts, int[] tokens, int[] lineStarts, long rawTokens) {
    this.words = words;
    this.counts = counts;
    this.tokens = tokens;
    this.lineStarts = lineStarts;
    this.rawTokens = rawTokens;
  }

  /**
   * Reads whitespace-tokenized {@code files} (plain or compressed, one document a line): counts the
   * vocabulary ({@link CorpusVocabulary}, the GloVe tools' tokens), then encodes every line.
   *
   * @throws IllegalArgumentException when no word occurs {@code minCount} times
   */
  public static TokenCorpus read(List<Path> files, long minCount, int threads, ProgressListener progress)
      throws IOException {
    CorpusVocabulary.Result counted = CorpusVocabulary.count(files, minCount, 0, threads, progress);
    ByteVocabulary vocab = counted.vocabulary();
    if (vocab.size() == 0) {
      throw new IllegalArgumentException("empty vocabulary: no word of " + files.size() + " corpus file(s) occurs "
          + minCount + " times; lower the min-count");
    }
    IntList ids = new IntList(counted.tokens() > Integer.MAX_VALUE - 16 ? Integer.MAX_VALUE - 16 : (int) counted.tokens());
    IntList starts = new IntList(1024);
    progress.start("encoding corpus", -1, "files");
    for (Path file : files) {
      try (InputStream in = CompressedInput.open(file).stream()) {
        encode(in, vocab, ids, starts, file);
      }
      progress.advance(1);
    }
    progress.finish();
    starts.add(ids.size());
    return new TokenCorpus(vocab.words(), vocab.counts(), ids.toArray(), starts.toArray(), counted.tokens());
  }

  /** Splits on space, tab and newline (a newline ends a line); carriage returns are dropped. */
  private static void encode(InputStream in, ByteVocabulary vocab, IntList ids, IntList starts, Path file)
      throws IOException {
    byte[] buf = new byte[BUFFER];
    byte[] word = new byte[1024];
    int len = 0;
    boolean lineOpen = false;
    int n;
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        byte c = buf[i];
        if (c == ' ' || c == '\t' || c == '\n') {
          if (len > 0) {
            if (!lineOpen) {
              starts.add(ids.size());
              lineOpen = true;
            }
            int id = vocab.id(word, 0, len);
            if (id > 0) {
              ids.add(id - 1);
            }
            len = 0;
          }
          if (c == '\n') {
            if (!lineOpen) {
              starts.add(ids.size());
            }
            lineOpen = false;
          }
        } else if (c != '\r' && len < word.length) {
          word[len++] = c;
        }
      }
    }
    if (len > 0) {
      if (!lineOpen) {
        starts.add(ids.size());
      }
      int id = vocab.id(word, 0, len);
      if (id > 0) {
        ids.add(id - 1);
      }
      lineOpen = true;
    }
    if (ids.size() == Integer.MAX_VALUE - 16) {
      throw new IOException(file + ": more than " + (Integer.MAX_VALUE - 16) + " in-vocabulary tokens; "
          + "train on a part of the corpus or raise min-count");
    }
  }

  /**
   * A corpus of {@code documents} (each an array of tokens), with the vocabulary rule of
   * {@link #read}: words occurring at least {@code minCount} times, most frequent first, ties by
   * the words' UTF-8 byte order.
   */
  public static TokenCorpus of(List<String[]> documents, long minCount) {
    it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> provisional =
        new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>();
    provisional.defaultReturnValue(-1);
    IntList ids = new IntList(1024);
    int[] starts = new int[documents.size() + 1];
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    for (int d = 0; d < documents.size(); d++) {
      starts[d] = ids.size();
      for (String t : documents.get(d)) {
        int id = provisional.getInt(t);
        if (id < 0) {
          id = names.size();
          provisional.put(t, id);
          names.add(t);
        }
        ids.add(id);
      }
    }
    starts[documents.size()] = ids.size();
    return build(names.toArray(String[]::new), ids.toArray(), starts, minCount, true);
  }

  /**
   * The documents {@code lines} of this corpus (repeats allowed, as in a bootstrap sample), with
   * the vocabulary counted again on them and {@code minCount} applied.
   */
  public TokenCorpus sample(int[] lines, long minCount) {
    long size = 0;
    for (int l : lines) {
      size += lineEnd(l) - lineStart(l);
    }
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("sample of " + size + " tokens is too large");
    }
    int[] out = new int[(int) size];
    int[] starts = new int[lines.length + 1];
    int p = 0;
    for (int i = 0; i < lines.length; i++) {
      starts[i] = p;
      int s = lineStart(lines[i]), e = lineEnd(lines[i]);
      System.arraycopy(tokens, s, out, p, e - s);
      p += e - s;
    }
    starts[lines.length] = p;
    return build(words, out, starts, minCount, false);
  }

  /**
   * This corpus with its token ids replaced by {@code tokens} (same line layout), the vocabulary
   * counted again and {@code minCount} applied: for injected change, where some occurrences of one
   * word become another.
   */
  public TokenCorpus withTokens(int[] newTokens, long minCount) {
    if (newTokens.length != tokens.length) {
      throw new IllegalArgumentException("replacement has " + newTokens.length + " tokens, the corpus " + tokens.length);
    }
    return build(words, newTokens.clone(), lineStarts.clone(), minCount, false);
  }

  /**
   * Recounts {@code ids} (indices into {@code names}), keeps words with count >= minCount, orders
   * them by count descending (ties by byte order of the word when {@code byBytes}, else by old id,
   * which is already that order), and remaps the tokens, dropping the rest.
   */
  private static TokenCorpus build(String[] names, int[] ids, int[] starts, long minCount, boolean byBytes) {
    long[] count = new long[names.length];
    for (int id : ids) {
      count[id]++;
    }
    Integer[] kept = java.util.stream.IntStream.range(0, names.length).filter(i -> count[i] >= minCount && count[i] > 0)
        .boxed().toArray(Integer[]::new);
    java.util.Comparator<Integer> order = java.util.Comparator.comparingLong((Integer i) -> -count[i]);
    order = byBytes ? order.thenComparing((Integer i) -> names[i].getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Arrays::compareUnsigned) : order.thenComparingInt(i -> i);
    Arrays.sort(kept, order);
    int[] remap = new int[names.length];
    Arrays.fill(remap, -1);
    String[] w = new String[kept.length];
    long[] c = new long[kept.length];
    for (int r = 0; r < kept.length; r++) {
      remap[kept[r]] = r;
      w[r] = names[kept[r]];
      c[r] = count[kept[r]];
    }
    int[] newStarts = new int[starts.length];
    int p = 0;
    for (int line = 0; line + 1 < starts.length; line++) {
      newStarts[line] = p;
      for (int i = starts[line]; i < starts[line + 1]; i++) {
        int m = remap[ids[i]];
        if (m >= 0) {
          ids[p++] = m;
        }
      }
    }
    newStarts[starts.length - 1] = p;
    return new TokenCorpus(w, c, Arrays.copyOf(ids, p), newStarts, ids.length);
  }

  /** Vocabulary size. */
  public int vocabularySize() {
    return words.length;
  }

  /** The vocabulary, most frequent first (a copy). */
  public String[] words() {
    return words.clone();
  }

  /** The word with id {@code id}. */
  public String word(int id) {
    return words[id];
  }

  /** Count of word {@code id} in this corpus. */
  public long count(int id) {
    return counts[id];
  }

  /** Counts by id (a copy). */
  public long[] counts() {
    return counts.clone();
  }

  /** Number of lines (documents). */
  public int lines() {
    return lineStarts.length - 1;
  }

  /** Start of line {@code line} in {@link #tokens()}. */
  public int lineStart(int line) {
    return lineStarts[line];
  }

  /** End (exclusive) of line {@code line} in {@link #tokens()}. */
  public int lineEnd(int line) {
    return lineStarts[line + 1];
  }

  /** In-vocabulary tokens. */
  public int size() {
    return tokens.length;
  }

  /** Tokens read, including those out of the vocabulary. */
  public long rawTokens() {
    return rawTokens;
  }

  /** The token ids, all lines back to back (the array itself; do not modify). */
  int[] tokenArray() {
    return tokens;
  }

  /** A copy of the token ids, all lines back to back. */
  public int[] tokens() {
    return tokens.clone();
  }

  /** A growable int array (no boxing). */
  private static final class IntList {
    private int[] a;
    private int n;

    IntList(int capacity) {
      a = new int[Math.max(16, capacity)];
    }

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 16, a.length * 2L));
      }
      a[n++] = v;
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return n == a.length ? a : Arrays.copyOf(a, n);
    }
  }
}
