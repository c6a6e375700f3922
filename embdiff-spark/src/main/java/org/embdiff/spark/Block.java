package org.embdiff.spark;

import java.io.Serializable;

/**
 * Whole lines of a corpus, {@code buf[0, len)}, each ended by a newline, with what reading them
 * took. A reader may reuse {@code buf} for its next block, so a consumer finishes with a block
 * before it asks for the next one.
 */
final class Block implements Serializable {
  private static final long serialVersionUID = 1L;
  byte[] buf;
  int len;
  /** Lines (documents) in the block. */
  long lines;
  /** Uncompressed bytes read for it from a compressed file (0 for plain files, whose size is known). */
  long decompressedBytes;

  Block(byte[] buf) {
    this.buf = buf;
  }
}
