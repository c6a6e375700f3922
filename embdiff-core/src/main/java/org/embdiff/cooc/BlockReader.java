package org.embdiff.cooc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.embdiff.io.CompressedInput;

/**
 * Reads one or more corpus files (plain or compressed) as blocks of whole lines: every block ends
 * with a newline, and each file ends a line (a document never spans two files). Not thread-safe;
 * a block stays valid until the next call to {@link #next()}.
 */
final class BlockReader implements Closeable {
  private final List<Path> paths;
  private int fileIndex = -1;
  private InputStream in;
  private byte[] buf;
  private int carry;
  private int blockEnd;
  private int filled;
  private long bytes;

  BlockReader(List<Path> paths, int blockSize) {
    this.paths = List.copyOf(paths);
    this.buf = new byte[Math.max(1 << 12, blockSize)];
  }

  /** The current block's bytes, valid in {@code [0, next())}. */
  byte[] buffer() {
    return buf;
  }

  /** Bytes of text returned so far. */
  long bytes() {
    return bytes;
  }

  /** Reads the next block and returns its length, or 0 at the end of the last file. */
  int next() throws IOException {
    // move the unconsumed tail of the previous read to the front
    int tail = filled - blockEnd;
    if (tail > 0) {
      System.arraycopy(buf, blockEnd, buf, 0, tail);
    }
    filled = Math.max(tail, 0);
    carry = filled;
    blockEnd = 0;
    while (true) {
      if (in == null) {
        if (!openNext()) {
          if (filled > 0) {
            ensure(filled + 1);
            buf[filled++] = '\n';
            blockEnd = filled;
            bytes += blockEnd;
            return blockEnd;
          }
          return 0;
        }
      }
      if (filled == buf.length) {
        int nl = lastNewline(filled);
        if (nl >= 0) {
          blockEnd = nl + 1;
          bytes += blockEnd;
          return blockEnd;
        }
        // one line longer than the buffer: grow
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, filled, buf.length - filled);
      if (n < 0) {
        in.close();
        in = null;
        if (filled > 0 && buf[filled - 1] != '\n') {
          ensure(filled + 1);
          buf[filled++] = '\n';
        }
        if (filled > 0) {
          blockEnd = filled;
          bytes += blockEnd;
          return blockEnd;
        }
        continue;
      }
      filled += n;
    }
  }

  private void ensure(int size) {
    if (size > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(size, buf.length * 2));
    }
  }

  private int lastNewline(int end) {
    for (int i = end - 1; i >= carry && i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    for (int i = Math.min(carry, end) - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean openNext() throws IOException {
    fileIndex++;
    if (fileIndex >= paths.size()) {
      return false;
    }
    in = CompressedInput.open(paths.get(fileIndex)).stream();
    return true;
  }

  /**
   * Splits {@code [0, len)} into at most {@code parts} slices that end on newlines; returns the
   * slice boundaries (length parts + 1, possibly with empty slices).
   */
  static int[] slices(byte[] b, int len, int parts) {
    int[] bounds = new int[parts + 1];
    int prev = 0;
    for (int p = 1; p < parts; p++) {
      int target = Math.max(prev, (int) ((long) len * p / parts));
      while (target < len && target > 0 && b[target - 1] != '\n') {
        target++;
      }
      bounds[p] = target;
      prev = target;
    }
    bounds[parts] = len;
    return bounds;
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
      in = null;
    }
  }
}
