package org.embdiff.io;

/** What to do with a word whose bytes are not valid UTF-8. */
public enum EncodingErrors {
  /** Refuse the file, naming file:line. */
  STRICT,
  /** Decode with U+FFFD replacement characters and count a warning (default). */
  REPLACE,
  /** Skip the row and count a warning. */
  SKIP
}
