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

  /** The codes as {@code --help} lists them (picocli's exit code list: code -> description). */
  static java.util.Map<String, String> helpList() {
    java.util.Map<String, String> list = new java.util.LinkedHashMap<>();
    list.put(" " + OK, "success");
    list.put(" " + BAD_INPUT, "bad input: a file or value was refused (the message names it, and the line)");
    list.put(" " + USAGE, "usage error: unknown option or missing argument");
    list.put(" " + INTERNAL, "internal error or out of memory (--verbose prints the stack trace)");
    return list;
  }

  /** Maps an exception thrown by a command to an exit code. */
  public static int forException(Throwable t) {
    if (t instanceof IOException || t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException) {
      return BAD_INPUT;
    }
    return INTERNAL;
  }
}
