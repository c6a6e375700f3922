package org.embdiff.cooc;

/**
 * GloVe's {@code get_word} on a byte buffer: tokens are separated by space, tab or newline; a
 * newline ends a document; carriage returns are ignored everywhere (even inside a word); a token
 * keeps at most 999 bytes, trimmed so as not to end inside a UTF-8 sequence (as GloVe's
 * {@code MAX_STRING_LENGTH} rule). Bytes, not Strings, so the ids match the C tools exactly.
 *
 * <p>The one definition of these rules: the vocabulary count and the co-occurrence tokenization
 * of every engine (local threads, Spark tasks) run {@link #scan}.
 */
public final class StanfordTokens {
  /** GloVe's MAX_STRING_LENGTH - 1: the longest token kept. */
  public static final int MAX_TOKEN_BYTES = 999;

  /** Receives the tokens of a {@link #scan}, in order. */
  public interface Sink {
    /**
     * One token, {@code b[off, off + len)} (never empty), with its {@link ByteVocabulary} hash.
     * The bytes may live in a scratch buffer that the next token overwrites.
     */
    void token(byte[] b, int off, int len, int hash);

    /** A newline: the current document ends. */
    void lineEnd();
  }

  private StanfordTokens() {}

  /** A scratch buffer large enough for {@link #scan}; one per thread. */
  public static byte[] newScratch() {
    return new byte[MAX_TOKEN_BYTES + 1];
  }

  /**
   * Feeds the tokens and line ends of {@code b[from, to)} to {@code sink}; {@code scratch} (from
   * {@link #newScratch()}) holds a token that had to be cleaned (a CR inside, or too long). A slice
   * that does not end with a newline ends with a token, not a line end.
   */
  public static void scan(byte[] b, int from, int to, byte[] scratch, Sink sink) {
    int i = from;
    while (i < to) {
      byte c = b[i];
      if (c == '\n') {
        sink.lineEnd();
        i++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      int s = i;
      // FNV-1a while scanning for the end of the token (one pass over the bytes)
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
      if (slow || len >= MAX_TOKEN_BYTES) {
        int n = normalizeSlow(b, s, i, scratch);
        if (n > 0) {
          sink.token(scratch, 0, n, ByteVocabulary.hash(scratch, 0, n));
        }
      } else {
        sink.token(b, s, len, ByteVocabulary.mix(h));
      }
    }
  }

  /**
   * Copies token bytes {@code b[s..e)} without carriage returns into {@code scratch}, truncated as
   * GloVe does; returns the kept length.
   */
  static int normalizeSlow(byte[] b, int s, int e, byte[] scratch) {
    int n = 0;
    for (int i = s; i < e; i++) {
      if (b[i] != '\r' && n < MAX_TOKEN_BYTES) {
        scratch[n++] = b[i];
      }
    }
    // GloVe's rule applies whenever the kept word is exactly MAX_STRING_LENGTH - 1 bytes long
    if (n == MAX_TOKEN_BYTES && (scratch[n - 1] & 0x80) == 0x80) {
      if ((scratch[n - 1] & 0xC0) == 0xC0) {
        n = n - 1;
      } else if ((scratch[n - 2] & 0xE0) == 0xE0) {
        n = n - 2;
      } else if ((scratch[n - 3] & 0xF8) == 0xF0) {
        n = n - 3;
      }
    }
    return n;
  }
}
