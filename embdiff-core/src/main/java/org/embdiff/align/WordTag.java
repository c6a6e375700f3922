package org.embdiff.align;

/** Why a word is special for alignment and for the qualitative shift lists. */
public enum WordTag {
  /** A GloVe-Twitter pseudo-token such as {@code <user>} or {@code <url>}. */
  PSEUDO_TOKEN,
  /** A number ({@code 2010}, {@code 3.5}, {@code 1/2}): digits and separators only. */
  NUMBER,
  /** No letters or digits ({@code !}, {@code --}). */
  PUNCTUATION,
  /** Fewer than two letters ({@code a}, {@code x}, {@code 3d} is not short). */
  SHORT,
  /** A function word from the bundled English stop-word list. */
  STOP_WORD,
  /** Web spam, adult or boilerplate term from the bundled block list. */
  JUNK
}
