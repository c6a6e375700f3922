package org.embdiff.io;

/**
 * A text vector file with fewer rows than its header announces: a cut download or copy. The caller
 * may offer to load the rows present ({@link LoadOptions#allowTruncated()}).
 */
public final class TruncatedFileException extends VectorFormatException {
  private static final long serialVersionUID = 1L;

  private final long announced;
  private final long present;

  /** @param message problem, announced vs present rows, and location */
  TruncatedFileException(String message, long announced, long present) {
    super(message);
    this.announced = announced;
    this.present = present;
  }

  /** Rows the header announces. */
  public long announced() {
    return announced;
  }

  /** Rows the file holds. */
  public long present() {
    return present;
  }
}
