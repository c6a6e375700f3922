package org.embdiff.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
import org.embdiff.vec.Neighbor;
import org.embdiff.vec.VectorUtil;
import org.embdiff.vec.Vocabulary;

/**
 * An embdiff cache ({@link EmbdiffBinary}) used in place: the file is memory-mapped in read-only
 * windows of at most 1 GB (whole rows; Java 17 has no 64-bit {@code MemorySegment}), nothing is
 * copied onto the heap on open, and lookups run on the mapping. Version 2 files carry a sorted
 * word index, so {@link #indexOf} is a binary search over mapped bytes; for version 1 files the
 * same index is built in memory on the first lookup. Thread-safe after construction (the mappings
 * are only read, through absolute gets).
 *
 * <p>Memory: the page cache holds what was touched; the heap holds the window objects and, for
 * version 1, one {@code long} and one {@code int} per word once a lookup was made.
 */
public final class MappedEmbeddings {
  private final Path file;
  private final EmbdiffBinary.Header header;
  private final int dim;
  private final int rows;
  /** Mapped vocabulary and index sections, [64, matrixOff). */
  private final ByteBuffer words;
  private final FloatBuffer[] windows;
  private final int rowsPerWindow;
  private final boolean verified;
  /** Version 1 only: entry offsets and the sorted order, built on first lookup. */
  private volatile long[] v1Offsets;
  private volatile int[] v1Sorted;

  private MappedEmbeddings(Path file, EmbdiffBinary.Header header, ByteBuffer words, FloatBuffer[] windows,
      int rowsPerWindow, boolean verified) {
    this.file = file;
    this.header = header;
    this.dim = header.dim();
    this.rows = (int) header.rows();
    this.words = words;
    this.windows = windows;
    this.rowsPerWindow = rowsPerWindow;
    this.verified = verified;
  }

  /** Whether {@code file} is a plain file starting with the embdiff cache magic. */
  public static boolean isCache(Path file) throws IOException {
    return java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) >= EmbdiffBinary.MAGIC.length
        && EmbdiffBinary.hasMagic(file);
  }

  /**
   * Maps {@code file}. The header, the version window and the size are checked always; the
   * CRC-32C of the content only when {@code verify} (it reads every byte of the file).
   *
   * @throws VectorFormatException on a malformed file or, with {@code verify}, a checksum mismatch
   */
  public static MappedEmbeddings open(Path file, boolean verify) throws IOException {
    return open(file, verify, EmbdiffBinary.WINDOW);
  }

  /** {@link #open(Path, boolean)} with windows of at most {@code windowBytes} (tests cover several windows). */
  static MappedEmbeddings open(Path file, boolean verify, long windowBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      EmbdiffBinary.Header h = EmbdiffBinary.header(ch, file);
      if (verify) {
        ByteBuffer footer = ch.map(FileChannel.MapMode.READ_ONLY, h.footerOff(), EmbdiffBinary.FOOTER_BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
        long stored = footer.getLong();
        long actual = EmbdiffBinary.crcOf(ch, h.footerOff());
        if (actual != stored) {
          throw new VectorFormatException("checksum mismatch: CRC-32C of the content is " + Long.toHexString(actual)
              + ", the footer says " + Long.toHexString(stored) + "; the file is damaged, re-create it (" + file
              + " byte offset " + h.footerOff() + ")");
        }
      }
      if (h.matrixOff() > Integer.MAX_VALUE) {
        throw new VectorFormatException("vocabulary section of " + h.matrixOff() + " bytes is too large to map, "
            + "expected under 2 GB (" + file + " byte offset " + EmbdiffBinary.HEADER_BYTES + ")");
      }
      ByteBuffer words = ch.map(FileChannel.MapMode.READ_ONLY, 0, h.matrixOff()).order(ByteOrder.LITTLE_ENDIAN);
      long rowBytes = 4L * h.dim();
      int rowsPerWindow = (int) Math.max(1, Math.min(Integer.MAX_VALUE / rowBytes, windowBytes / rowBytes));
      int count = (int) ((h.rows() + rowsPerWindow - 1) / rowsPerWindow);
      FloatBuffer[] windows = new FloatBuffer[count];
      for (int w = 0; w < count; w++) {
        long first = (long) w * rowsPerWindow;
        long n = Math.min(rowsPerWindow, h.rows() - first);
        MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, h.matrixOff() + first * rowBytes, n * rowBytes);
        windows[w] = map.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      }
      return new MappedEmbeddings(file, h, words, windows, rowsPerWindow, verify);
    }
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** Format version of the file. */
  public int version() {
    return header.version();
  }

  /** Whether the CRC-32C was checked on open (and matched). */
  public boolean verified() {
    return verified;
  }

  /** Number of words (rows). */
  public int size() {
    return rows;
  }

  /** Dimension. */
  public int dim() {
    return dim;
  }

  /** The word of row {@code row}. */
  public String word(int row) {
    long at = entryOffset(row);
    int n = words.getInt((int) at);
    byte[] b = new byte[n];
    words.get((int) at + 4, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The row of {@code word}, or -1 when absent: a binary search over the sorted index. */
  public int indexOf(String word) {
    byte[] key = word.getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = rows - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int row = sortedRow(mid);
      int cmp = compare(entryOffset(row), key);
      if (cmp < 0) {
        lo = mid + 1;
      } else if (cmp > 0) {
        hi = mid - 1;
      } else {
        return row;
      }
    }
    return -1;
  }

  /** Copies row {@code row} into {@code out[offset .. offset + dim)}. */
  public void copyRow(int row, float[] out, int offset) {
    copyRows(row, 1, out, offset);
  }

  /** Copies rows {@code [from, from + count)} into {@code out} from {@code offset}, row-major. */
  public void copyRows(int from, int count, float[] out, int offset) {
    if (from < 0 || count < 0 || (long) from + count > rows) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + from + " + " + count + ") outside [0, " + rows + ")");
    }
    int r = from;
    int o = offset;
    while (r < from + count) {
      int w = r / rowsPerWindow;
      int inWindow = r - w * rowsPerWindow;
      int n = Math.min(from + count - r, rowsPerWindow - inWindow);
      windows[w].get(inWindow * dim, out, o, n * dim);
      r += n;
      o += n * dim;
    }
  }

  /**
   * The {@code k} rows most cosine-similar to row {@code row} (itself excluded), by descending
   * similarity, ties to the lower row: one pass over the mapping in blocks of rows, each block
   * unit-normalised on a small heap buffer as {@link EmbeddingSpace#unitNormalized()} does, so no
   * copy of the matrix is made. Scores are float dot products of unit vectors, as in
   * {@link org.embdiff.vec.NearestNeighbors} (whose blocked kernels may differ in the last bits).
   */
  public List<Neighbor> nearest(int row, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    float[] query = new float[dim];
    copyRow(row, query, 0);
    VectorUtil.l2normalizeInPlace(query, 0, dim);
    NearestNeighbors.TopK top = new NearestNeighbors.TopK(Math.max(1, Math.min(k, rows - 1)), new int[] {row});
    int block = Math.max(1, Math.min(rows, (1 << 20) / (4 * dim)));
    float[] tile = new float[block * dim];
    for (int from = 0; from < rows && rows > 1; from += block) {
      int n = Math.min(block, rows - from);
      copyRows(from, n, tile, 0);
      for (int i = 0; i < n; i++) {
        VectorUtil.l2normalizeInPlace(tile, i * dim, dim);
        top.offer(VectorUtil.dot(query, 0, tile, i * dim, dim), from + i);
      }
    }
    float[] scores = new float[top.size()];
    int[] best = top.drainSorted(scores);
    List<Neighbor> out = new ArrayList<>(best.length);
    for (int i = 0; i < best.length; i++) {
      out.add(new Neighbor(best[i], word(best[i]), scores[i]));
    }
    return out;
  }

  /** All rows copied onto the heap as an {@link EmbeddingSpace} (for analyses that need a float[] matrix). */
  public EmbeddingSpace toSpace() throws IOException {
    String[] all = new String[rows];
    for (int r = 0; r < rows; r++) {
      all[r] = word(r);
    }
    float[] matrix = RowStore.allocate((long) rows * dim);
    copyRows(0, rows, matrix, 0);
    return new EmbeddingSpace(new Vocabulary(all), dim, matrix);
  }

  private long entryOffset(int row) {
    if (header.version() >= 2) {
      return words.getLong((int) (header.indexOff() + 8L * row));
    }
    return v1Offsets()[row];
  }

  private int sortedRow(int position) {
    if (header.version() >= 2) {
      return words.getInt((int) (header.indexOff() + 8L * rows + 4L * position));
    }
    v1Offsets();
    return v1Sorted[position];
  }

  /** Version 1: walks the vocabulary once and sorts it like the stored version-2 index. */
  private long[] v1Offsets() {
    long[] offsets = v1Offsets;
    if (offsets == null) {
      synchronized (this) {
        offsets = v1Offsets;
        if (offsets == null) {
          offsets = new long[rows];
          byte[][] bytes = new byte[rows][];
          long at = EmbdiffBinary.HEADER_BYTES;
          for (int r = 0; r < rows; r++) {
            offsets[r] = at;
            int n = words.getInt((int) at);
            bytes[r] = new byte[n];
            words.get((int) at + 4, bytes[r]);
            at += 4 + n;
          }
          v1Sorted = EmbdiffBinary.sortedRows(bytes);
          v1Offsets = offsets;
        }
      }
    }
    return offsets;
  }

  /** Unsigned lexicographic comparison of the entry at {@code at} with {@code key}. */
  private int compare(long at, byte[] key) {
    int n = words.getInt((int) at);
    int base = (int) at + 4;
    int common = Math.min(n, key.length);
    for (int i = 0; i < common; i++) {
      int c = Integer.compare(words.get(base + i) & 0xff, key[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(n, key.length);
  }

  @Override
  public String toString() {
    return "MappedEmbeddings[" + file + ", " + rows + " x " + dim + ", version " + header.version() + "]";
  }
}
