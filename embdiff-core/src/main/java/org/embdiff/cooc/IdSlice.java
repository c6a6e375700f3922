package org.embdiff.cooc;

import java.util.Arrays;

/**
 * The in-vocabulary token ids of a slice of lines, as every co-occurrence engine (local threads,
 * Spark tasks) windows them: out-of-vocabulary tokens are dropped before windows are formed, 0
 * separates lines, and index 0 and the last index are always 0. Not thread-safe: one per thread.
 */
public final class IdSlice implements StanfordTokens.Sink {
  int[] ids = new int[1 << 16];
  int size;
  long tokens;
  long inVocab;
  private final byte[] scratch = StanfordTokens.newScratch();
  private ByteVocabulary vocab;

  /** An empty slice. */
  public IdSlice() {
    reset();
  }

  void reset() {
    ids[0] = 0;
    size = 1;
    tokens = 0;
    inVocab = 0;
  }

  void add(int id) {
    if (id == 0 && ids[size - 1] == 0) {
      return;
    }
    if (size + 2 > ids.length) {
      ids = Arrays.copyOf(ids, ids.length * 2);
    }
    ids[size++] = id;
  }

  /** Ends the slice with a 0 sentinel (idempotent). */
  IdSlice sealed() {
    add(0);
    return this;
  }

  /** The in-vocabulary ids of the lines in {@code b[from, to)} ({@link StanfordTokens#scan}). */
  public void tokenize(ByteVocabulary vocab, byte[] b, int from, int to) {
    reset();
    this.vocab = vocab;
    StanfordTokens.scan(b, from, to, scratch, this);
    sealed();
  }

  @Override
  public void token(byte[] b, int off, int len, int hash) {
    tokens++;
    int id = vocab.idWithHash(hash, b, off, len);
    if (id != 0) {
      inVocab++;
      add(id);
    }
  }

  @Override
  public void lineEnd() {
    add(0);
  }

  /** The ids: {@code ids()[0, size())}, 0 between lines and at both ends (valid until the next change). */
  public int[] ids() {
    return ids;
  }

  /** Ids held, the 0 sentinels included. */
  public int size() {
    return size;
  }

  /** Tokens scanned by the last {@link #tokenize}, in or out of the vocabulary. */
  public long tokens() {
    return tokens;
  }

  /** Of those, tokens in the vocabulary. */
  public long inVocab() {
    return inVocab;
  }
}
