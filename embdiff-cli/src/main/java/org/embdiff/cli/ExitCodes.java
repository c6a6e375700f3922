package org.embdiff.cli;

import java.io.IOException;

/** Process exit codes: 0 success, 1 bad input, 2 usage error, 3 internal error. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The input files or values were refused (missing file, malformed row, ...). */
  public static final int BAD_INPUT = 1;
  /** The command line itself was wrong. */
  public static final int USAGE = 2;
  /** A bug or an environment failure. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}

  /** Maps an exception thrown by a command to an exit code. */
  public static int forException(Throwable t) {
    if (t instanceof IOException || t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException) {
      return BAD_INPUT;
    }
    return INTERNAL;
  }
}
