package org.embdiff.io;

import java.io.IOException;

/**
 * A vector file that cannot be read as asked. The message says what is wrong, what was found vs
 * expected, and where ({@code file:line} for text, byte offset for binary files).
 */
public sealed class VectorFormatException extends IOException permits TruncatedFileException {
  private static final long serialVersionUID = 1L;

  /** @param message problem, actual vs expected, and location */
  public VectorFormatException(String message) {
    super(message);
  }

  /** @param message problem, actual vs expected, and location */
  public VectorFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
