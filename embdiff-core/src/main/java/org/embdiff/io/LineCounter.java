package org.embdiff.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts lines of a plain file quickly (eight bytes at a time), so the loader can allocate the
 * final matrix once instead of growing and copying it. It also warms the page cache for the parse.
 */
final class LineCounter {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LFS = 0x0a0a0a0a0a0a0a0aL;

  private LineCounter() {}

  /** Lines in {@code file} (a last line without LF counts). */
  static long count(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] bytes = new byte[1 << 20];
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      long lines = 0;
      byte last = '\n';
      boolean any = false;
      while (true) {
        buf.clear();
        int n = ch.read(buf);
        if (n < 0) {
          break;
        }
        if (n == 0) {
          continue;
        }
        any = true;
        lines += countIn(bytes, n);
        last = bytes[n - 1];
      }
      return any && last != '\n' ? lines + 1 : lines;
    }
  }

  private static long countIn(byte[] b, int n) {
    long lines = 0;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      long x = (long) LONGS.get(b, i) ^ LFS;
      // SWAR: the high bit of a byte of ~t is set exactly where the input byte is LF (exact zero-byte test)
      long t = ((x & ~HIGHS) + ~HIGHS) | x;
      lines += Long.bitCount(~t & HIGHS);
    }
    for (; i < n; i++) {
      if (b[i] == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
