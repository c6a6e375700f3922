package org.embdiff.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.SettingAdvice;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * embdiff's binary vector cache: reloads in a fraction of a second because the matrix is stored
 * exactly as it sits in memory and is memory-mapped on load, in windows, so files over 2 GB work.
 *
 * <p>Layout (all integers little-endian):
 * <pre>
 *   0  magic      8 bytes  "EMBDIFF" 0x1A
 *   8  version    int32    {@value #VERSION} (readable: {@value #MIN_VERSION}..{@value #VERSION})
 *  12  dim        int32
 *  16  rows       int64
 *  24  vocabOff   int64    = 64
 *  32  matrixOff  int64    multiple of 64
 *  40  footerOff  int64    = matrixOff + rows * dim * 4
 *  48  indexOff   int64    version 2: start of the word index, a multiple of 8 (version 1: 0)
 *  56  reserved   8 bytes zero
 *  64  vocabulary rows x (int32 byte length, UTF-8 bytes)
 *      index      (version 2) rows x int64 file offset of each row's vocabulary entry, then
 *                 rows x int32 row numbers ordered by their words' UTF-8 bytes (unsigned), so a
 *                 lookup is a binary search in the mapped file; zero padding up to matrixOff
 *      matrix     rows x dim float32, row-major
 *      footer     int64 CRC-32C of bytes [0, footerOff), then "EMBDEND" 0x00
 * </pre>
 * The reader checks the magic, the version window (distinct errors for too old and too new),
 * the sizes against the file length ("truncated" / "trailing data") and the CRC. Version 1 files
 * (no index) are still read; {@link MappedEmbeddings} builds their index in memory on first lookup.
 */
public final class EmbdiffBinary {
  /** The first eight bytes of every cache file. */
  static final byte[] MAGIC = {'E', 'M', 'B', 'D', 'I', 'F', 'F', 0x1a};
  private static final byte[] END = {'E', 'M', 'B', 'D', 'E', 'N', 'D', 0};
  /** The version this build writes. */
  static final int VERSION = 2;
  /** The oldest version this build reads. */
  static final int MIN_VERSION = 1;
  static final int HEADER_BYTES = 64;
  static final int FOOTER_BYTES = 16;
  static final long WINDOW = 1L << 30;

  private EmbdiffBinary() {}

  /** Whether {@code b} starts with the magic. */
  static boolean hasMagic(byte[] b) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (b[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the plain file {@code file} starts with the magic. */
  static boolean hasMagic(Path file) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      byte[] b = in.readNBytes(MAGIC.length);
      return b.length == MAGIC.length && hasMagic(b);
    }
  }

  /** Writes {@code space} to {@code out} (the caller makes it atomic). */
  static void write(EmbeddingSpace space, OutputStream out, ProgressListener progress) throws IOException {
    int rows = space.size();
    int dim = space.dim();
    byte[][] words = new byte[rows][];
    long vocabBytes = 0;
    for (int r = 0; r < rows; r++) {
      words[r] = space.word(r).getBytes(StandardCharsets.UTF_8);
      vocabBytes += 4 + words[r].length;
    }
    long indexOff = (HEADER_BYTES + vocabBytes + 7) / 8 * 8;
    long matrixOff = (indexOff + 12L * rows + 63) / 64 * 64;
    long footerOff = matrixOff + (long) rows * dim * 4;
    CRC32C crc = new CRC32C();
    ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).putInt(VERSION).putInt(dim).putLong(rows).putLong(HEADER_BYTES).putLong(matrixOff)
        .putLong(footerOff).putLong(indexOff).putLong(0);
    for (byte[] w : words) {
      if (buf.remaining() < 4 + w.length) {
        flush(buf, out, crc);
      }
      if (buf.remaining() < 4 + w.length) {
        throw new IOException("word of " + w.length + " bytes is too long for the cache");
      }
      buf.putInt(w.length).put(w);
    }
    padTo(buf, out, crc, HEADER_BYTES + vocabBytes, indexOff);
    long entry = HEADER_BYTES;
    for (byte[] w : words) {
      if (buf.remaining() < 8) {
        flush(buf, out, crc);
      }
      buf.putLong(entry);
      entry += 4 + w.length;
    }
    for (int row : sortedRows(words)) {
      if (buf.remaining() < 4) {
        flush(buf, out, crc);
      }
      buf.putInt(row);
    }
    padTo(buf, out, crc, indexOff + 12L * rows, matrixOff);
    flush(buf, out, crc);
    float[] m = space.matrix();
    int step = buf.capacity() / 4;
    for (int at = 0; at < m.length; at += step) {
      int n = Math.min(step, m.length - at);
      buf.asFloatBuffer().put(m, at, n);
      buf.position(4 * n);
      flush(buf, out, crc);
      progress.advance(4L * n);
    }
    buf.putLong(crc.getValue()).put(END);
    buf.flip();
    out.write(buf.array(), 0, buf.limit());
  }

  /** Row numbers ordered by their words' UTF-8 bytes, compared unsigned (the order of the stored index). */
  static int[] sortedRows(byte[][] words) {
    return java.util.stream.IntStream.range(0, words.length).boxed()
        .sorted((a, b) -> java.util.Arrays.compareUnsigned(words[a], words[b])).mapToInt(Integer::intValue).toArray();
  }

  private static void padTo(ByteBuffer buf, OutputStream out, CRC32C crc, long from, long to) throws IOException {
    for (long at = from; at < to; at++) {
      if (!buf.hasRemaining()) {
        flush(buf, out, crc);
      }
      buf.put((byte) 0);
    }
  }

  private static void flush(ByteBuffer buf, OutputStream out, CRC32C crc) throws IOException {
    buf.flip();
    crc.update(buf.array(), 0, buf.limit());
    out.write(buf.array(), 0, buf.limit());
    buf.clear();
  }

  /** Reads a cache file with the default 1 GB mapping window. */
  static LoadedVectors read(Path file, LoadOptions options, ProgressListener progress) throws IOException {
    return read(file, options, progress, WINDOW);
  }

  /**
   * Reads a cache file, mapping the matrix in windows of at most {@code windowBytes} (rounded down
   * to whole rows; small windows let tests cover the multi-window path).
   */
  static LoadedVectors read(Path file, LoadOptions options, ProgressListener progress, long windowBytes)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Header header = header(ch, file);
      int dim = header.dim();
      long rows = header.rows();
      long matrixOff = header.matrixOff();
      long footerOff = header.footerOff();
      long vocabEnd = header.vocabEnd();
      ByteBuffer footer = ch.map(FileChannel.MapMode.READ_ONLY, footerOff, FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      long storedCrc = footer.getLong();
      int rowBytes = dim * 4;
      long window = Math.max(1, windowBytes / rowBytes) * rowBytes;
      LoadWarnings warnings = new LoadWarnings();
      EmbeddingSpace space;
      long rowsRead = rows;
      if (options.vocabulary() == null && (options.limit() == 0 || options.limit() >= rows)) {
        // one pass on a second core checksums and copies the matrix while this one decodes the words
        CompletableFuture<Pass> pass = CompletableFuture.supplyAsync(() -> {
          try {
            return copyAndCheck(ch, matrixOff, rows, dim, window, progress);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        CompletableFuture<Long> crc = pass.thenApply(Pass::crc);
        try {
          String[] words = withCrcVerdict(() -> readWords(ch, file, (int) rows, vocabEnd), crc, storedCrc);
          progress.advance(matrixOff);
          Vocabulary vocabulary = vocabulary(words, file);
          float[] values = join(pass).matrix();
          checkCrc(crc, storedCrc, file, footerOff);
          space = new EmbeddingSpace(vocabulary, dim, values);
        } finally {
          awaitQuietly(pass);
        }
      } else {
        CompletableFuture<Long> crc = CompletableFuture.supplyAsync(() -> {
          try {
            return crcOf(ch, footerOff);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        try {
          String[] words = withCrcVerdict(() -> readWords(ch, file, (int) rows, vocabEnd), crc, storedCrc);
          RowCollector collector = new RowCollector(file, true, options, warnings);
          collector.begin(dim, 0);
          float[] row = new float[dim];
          long rowsPerWindow = window / rowBytes;
          java.nio.FloatBuffer view = null;
          long viewFirst = -1;
          for (int r = 0; r < rows && !collector.full(); r++) {
            if (options.vocabulary() != null && !options.vocabulary().contains(words[r])) {
              collector.add(words[r], row, 0, 0); // counted as read, dropped by the vocabulary
              continue;
            }
            long w = r / rowsPerWindow;
            if (w != viewFirst) {
              long at = w * window;
              int n = (int) Math.min(window, rows * rowBytes - at);
              view = ch.map(FileChannel.MapMode.READ_ONLY, matrixOff + at, n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
              viewFirst = w;
            }
            view.get((int) ((r - w * rowsPerWindow) * dim), row, 0, dim);
            collector.add(words[r], row, 0, matrixOff + (long) r * rowBytes);
          }
          rowsRead = collector.rowsRead();
          checkCrc(crc, storedCrc, file, footerOff);
          space = collector.build();
        } finally {
          awaitQuietly(crc);
        }
      }
      return new LoadedVectors(space, new LoadSummary(file, VectorFormat.EMBDIFF_BINARY, "none", rowsRead,
          space.size(), dim, warnings.counts(), warnings.examples()));
    }
  }

  /**
   * The validated header of a cache file.
   *
   * @param vocabEnd end of the vocabulary entries (the index in version 2, the matrix in version 1)
   */
  record Header(int version, int dim, long rows, long matrixOff, long footerOff, long indexOff, long vocabEnd) {}

  /** Reads and checks the header and the file size against it (magic, version window, truncated, trailing data). */
  static Header header(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
      // read up to the whole header
    }
    int got = h.position();
    h.flip();
    byte[] magic = new byte[Math.min(MAGIC.length, got)];
    h.get(magic);
    if (magic.length < MAGIC.length || !hasMagic(magic)) {
      throw new VectorFormatException("not an embdiff cache: magic " + Utf8.hex(magic, 0, magic.length)
          + ", expected " + Utf8.hex(MAGIC, 0, MAGIC.length) + " (" + file + " byte offset 0)");
    }
    if (size < HEADER_BYTES) {
      throw new VectorFormatException("truncated: " + size + " bytes, an embdiff cache header needs "
          + HEADER_BYTES + " (" + file + " byte offset " + size + ")");
    }
    int version = h.getInt();
    if (version < MIN_VERSION) {
      throw new VectorFormatException("embdiff cache too old: version " + version + ", this embdiff reads "
          + MIN_VERSION + ".." + VERSION + "; " + SettingAdvice.RECREATE_CACHE + " ("
          + file + " byte offset 8)");
    }
    if (version > VERSION) {
      throw new VectorFormatException("embdiff cache too new: version " + version + ", this embdiff reads "
          + MIN_VERSION + ".." + VERSION + "; upgrade embdiff (" + file + " byte offset 8)");
    }
    int dim = h.getInt();
    long rows = h.getLong();
    long vocabOff = h.getLong();
    long matrixOff = h.getLong();
    long footerOff = h.getLong();
    long indexOff = h.getLong();
    // rows and dim are bounded before they are multiplied, so no product below can overflow
    if (dim <= 0 || rows < 0 || rows > Integer.MAX_VALUE || vocabOff != HEADER_BYTES || matrixOff < vocabOff
        || matrixOff > size || rows * dim > Integer.MAX_VALUE - 16 || footerOff != matrixOff + rows * dim * 4L
        || (version >= 2 && (indexOff < vocabOff || indexOff % 8 != 0 || indexOff + 12 * rows > matrixOff))) {
      throw new VectorFormatException("corrupt embdiff cache header: dim " + dim + ", rows " + rows
          + ", offsets " + vocabOff + "/" + matrixOff + "/" + footerOff + (version >= 2 ? "/" + indexOff : "")
          + ", expected consistent sizes (" + file + " byte offset 12)");
    }
    long vocabEnd = version >= 2 ? indexOff : matrixOff;
    long expectedSize = footerOff + FOOTER_BYTES;
    if (size < expectedSize) {
      throw new VectorFormatException("truncated: " + size + " bytes, the header announces " + expectedSize
          + " (" + rows + " x " + dim + "); the footer with the checksum is missing, re-create the cache (" + file
          + " byte offset " + size + ")");
    }
    if (size > expectedSize) {
      throw new VectorFormatException("trailing data: " + size + " bytes, the header announces " + expectedSize
          + " (" + file + " byte offset " + expectedSize + ")");
    }
    return new Header(version, dim, rows, matrixOff, footerOff, indexOff, vocabEnd);
  }

  /** A read step that may fail. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws IOException;
  }

  /** Runs {@code step}; when it fails, the message also says whether the checksum matches. */
  private static <T> T withCrcVerdict(Step<T> step, CompletableFuture<Long> crc, long stored) throws IOException {
    try {
      return step.run();
    } catch (VectorFormatException e) {
      String verdict;
      try {
        verdict = join(crc) == stored ? "checksum matches: the file was written this way"
            : "checksum mismatch: the file is damaged";
      } catch (IOException | RuntimeException ignored) {
        verdict = "checksum could not be computed";
      }
      throw new VectorFormatException(e.getMessage() + "; " + verdict, e);
    }
  }

  /** The matrix and the CRC-32C of the whole content before the footer. */
  private record Pass(float[] matrix, long crc) {}

  /**
   * Checksums the header and vocabulary, then maps the matrix window by window and, per 4 MB slice,
   * checksums it and copies it into the float array while it is still in cache (one pass, each
   * page faulted once).
   */
  private static Pass copyAndCheck(FileChannel ch, long matrixOff, long rows, int dim, long window,
      ProgressListener progress) throws IOException {
    CRC32C crc = new CRC32C();
    for (long at = 0; at < matrixOff; at += WINDOW) {
      crc.update(ch.map(FileChannel.MapMode.READ_ONLY, at, Math.min(WINDOW, matrixOff - at)));
    }
    float[] matrix = RowStore.allocate(rows * dim);
    long matrixBytes = rows * dim * 4L;
    int slice = 1 << 22;
    for (long at = 0; at < matrixBytes; at += window) {
      int n = (int) Math.min(window, matrixBytes - at);
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, matrixOff + at, n);
      java.nio.FloatBuffer floats = map.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      for (int s = 0; s < n; s += slice) {
        int len = Math.min(slice, n - s);
        crc.update(map.slice(s, len));
        floats.get(s / 4, matrix, (int) ((at + s) / 4), len / 4);
        progress.advance(len);
      }
    }
    return new Pass(matrix, crc.getValue());
  }

  /**
   * Waits for a pass over the mapping to end, whatever its outcome: a read never returns (or throws)
   * while another thread still reads the mapped file, which would fault (SIGBUS) if the file were then
   * truncated or rewritten.
   */
  private static void awaitQuietly(CompletableFuture<?> future) {
    try {
      future.join();
    } catch (RuntimeException ignored) {
      // the failure, if any, was reported by the reading thread's own join
    }
  }

  private static <T> T join(CompletableFuture<T> future) throws IOException {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException u) {
        throw u.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  private static void checkCrc(CompletableFuture<Long> crc, long stored, Path file, long footerOff)
      throws IOException {
    long actual = join(crc);
    if (actual != stored) {
      throw new VectorFormatException("checksum mismatch: CRC-32C of the content is " + Long.toHexString(actual)
          + ", the footer says " + Long.toHexString(stored) + "; the file is damaged, re-create it (" + file
          + " byte offset " + footerOff + ")");
    }
  }

  /** CRC-32C of bytes [0, end), mapped in windows. */
  static long crcOf(FileChannel ch, long end) throws IOException {
    CRC32C crc = new CRC32C();
    for (long at = 0; at < end; at += WINDOW) {
      crc.update(ch.map(FileChannel.MapMode.READ_ONLY, at, Math.min(WINDOW, end - at)));
    }
    return crc.getValue();
  }

  private static Vocabulary vocabulary(String[] words, Path file) throws VectorFormatException {
    try {
      return new Vocabulary(words);
    } catch (IllegalArgumentException e) {
      throw new VectorFormatException("corrupt embdiff cache: " + e.getMessage() + ", expected distinct words ("
          + file + " byte offset " + HEADER_BYTES + ")");
    }
  }

  /** Reads the vocabulary section {@code [64, vocabEnd)} in one piece and decodes it. */
  private static String[] readWords(FileChannel ch, Path file, int rows, long vocabEnd) throws IOException {
    long length = vocabEnd - HEADER_BYTES;
    if (length > Integer.MAX_VALUE - 16) {
      throw new VectorFormatException("vocabulary section of " + length + " bytes is too large, expected under 2 GB ("
          + file + " byte offset " + HEADER_BYTES + ")");
    }
    byte[] b = new byte[(int) length];
    ByteBuffer buf = ByteBuffer.wrap(b);
    while (buf.hasRemaining()) {
      if (ch.read(buf, HEADER_BYTES + buf.position()) < 0) {
        break;
      }
    }
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    String[] words = new String[rows];
    int at = 0;
    for (int r = 0; r < rows; r++) {
      if (at + 4 > b.length) {
        throw new VectorFormatException("truncated vocabulary: " + r + " of " + rows + " words, expected the rest "
            + "before the matrix (" + file + " byte offset " + (HEADER_BYTES + at) + ")");
      }
      int n = le.getInt(at);
      if (n < 0 || at + 4L + n > b.length) {
        throw new VectorFormatException("corrupt vocabulary: word " + (r + 1) + " has length " + n
            + ", expected it to end before byte " + vocabEnd + " (" + file + " byte offset "
            + (HEADER_BYTES + at) + ")");
      }
      words[r] = Utf8.decode(b, at + 4, at + 4 + n);
      at += 4 + n;
    }
    return words;
  }
}
