package org.embdiff.cooc;

import java.io.IOException;

/** A co-occurrence or vocabulary file that cannot be read: the message names the file and place. */
public final class CrecFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the problem, the file and the location. */
  public CrecFormatException(String message) {
    super(message);
  }
}
