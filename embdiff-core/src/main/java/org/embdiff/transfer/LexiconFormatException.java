package org.embdiff.transfer;

import java.io.IOException;
import java.nio.file.Path;

/** A lexicon line that cannot be read; the message ends with {@code file:line}. */
public final class LexiconFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The problem, then where. */
  public LexiconFormatException(String problem, Path file, int line) {
    super(problem + " (" + file + ":" + line + "; expected word<TAB>label)");
  }
}
