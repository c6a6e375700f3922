package org.embdiff.cooc;

/**
 * GloVe's {@code get_word} on a byte buffer: tokens are separated by space, tab or newline; a
 * newline ends a document; carriage returns are ignored everywhere (even inside a word); a token
 * keeps at most 999 bytes, trimmed so as not to end inside a UTF-8 sequence (as GloVe's
 * {@code MAX_STRING_LENGTH} rule). Bytes, not Strings, so the ids match the C tools exactly.
 */
final class StanfordTokens {
  /** GloVe's MAX_STRING_LENGTH - 1: the longest token kept. */
  static final int MAX_TOKEN_BYTES = 999;

  private StanfordTokens() {}

  static boolean isSeparator(byte c) {
    return c == ' ' || c == '\t' || c == '\n';
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
