package org.embdiff.spark;

import java.io.Serializable;

/**
 * Whole lines of a corpus, {@code buf[0, len)}, each ended by a newline, with what reading them
 * took. A reader may reuse {@code buf} for its next block, so a consumer finishes with a block
 * before it asks for the next one.
 */
public final class Block implements Serializable {
  private static final long serialVersionUID = 1L;
  byte[] buf;
  int len;
  /** Lines (documents) in the block. */
  long lines;
  /** Bytes of the file behind it (uncompressed; the newline added after a file's last line not counted). */
  long fileBytes;

  /** A block over {@code buf}, empty. */
  public Block(byte[] buf) {
    this.buf = buf;
  }
}
