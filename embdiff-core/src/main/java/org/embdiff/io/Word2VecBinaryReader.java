package org.embdiff.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the word2vec C tool's binary format: a {@code "COUNT DIM\n"} header, then per row the word,
 * a space and DIM little-endian float32 (the C tool adds a LF after each vector; gensim does not;
 * both are read). Errors give the byte offset.
 */
final class Word2VecBinaryReader {
  private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int BUFFER = 1 << 20;

  private final InputStream in;
  private final Path path;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int lim;
  /** Byte offset in the file of {@code buf[0]}. */
  private long base;

  private Word2VecBinaryReader(InputStream in, Path path) {
    this.in = in;
    this.path = path;
  }

  /**
   * Reads all rows.
   *
   * @param plainSize the file size when uncompressed (bounds what a header may announce), else -1
   * @param compressedSize the size on disk (bounds the allocation for a compressed file)
   */
  static void read(InputStream in, Path path, LoadOptions options, RowCollector rows, LoadWarnings warnings,
      long plainSize, long compressedSize) throws IOException {
    new Word2VecBinaryReader(in, path).readAll(options, rows, warnings, plainSize, compressedSize);
  }

  private String at(long offset) {
    return path + " (byte offset " + offset + ")";
  }

  /** Makes at least {@code n} bytes available from {@code pos}; false at end of file. */
  private boolean ensure(int n) throws IOException {
    if (lim - pos >= n) {
      return true;
    }
    System.arraycopy(buf, pos, buf, 0, lim - pos);
    base += pos;
    lim -= pos;
    pos = 0;
    while (lim < n) {
      int r = in.read(buf, lim, buf.length - lim);
      if (r < 0) {
        return false;
      }
      lim += r;
    }
    return true;
  }

  private void readAll(LoadOptions options, RowCollector rows, LoadWarnings warnings, long plainSize,
      long compressedSize) throws IOException {
    if (!ensure(1)) {
      throw new VectorFormatException("empty file: no vectors, expected a word2vec binary header 'COUNT DIM' ("
          + at(0) + ")");
    }
    ensure(256);
    int eol = VectorReader.indexOf(buf, 0, lim, (byte) '\n');
    int start = VectorReader.hasBom(buf, lim) ? 3 : 0;
    long[] header = eol < 0 ? null : VectorReader.parseHeader(buf, start, eol);
    if (header == null) {
      String found = new String(buf, start, Math.min(Math.max(eol, start) - start, 40), StandardCharsets.ISO_8859_1);
      throw new VectorFormatException("missing header: expected 'COUNT DIM' then a newline at the start of a "
          + "word2vec binary file, found '" + found.strip() + "' (" + at(0) + ")");
    }
    long count = header[0];
    if (header[1] > (1 << 16)) {
      throw new VectorFormatException("header dimension " + header[1] + " is too large, expected at most "
          + (1 << 16) + " (" + at(0) + ")");
    }
    int dim = (int) header[1];
    pos = eol + 1;
    int rowBytes = 4 * dim;
    // trust the header's count for the allocation only as far as the file can hold it: a plain file's
    // size, or for a compressed one 4x its on-disk size (float bytes barely compress); a wrong header
    // then costs one copy, not an OutOfMemoryError or a large allocation for a tiny file
    long fits = plainSize >= 0 ? plainSize / (rowBytes + 2) : 4 * compressedSize / (rowBytes + 2);
    rows.begin(dim, Math.min(Math.min(count, fits), Integer.MAX_VALUE / dim));
    float[] row = new float[dim];
    byte[] word = new byte[TextBlockParser.MAX_WORD_BYTES + 1];
    for (long r = 0; r < count && !rows.full(); r++) {
      // word: skip the LF the C tool writes after each vector, then bytes up to a space
      while (true) {
        if (!ensure(1)) {
          throw truncated(count, r, base + pos);
        }
        if (buf[pos] == '\n' || buf[pos] == '\r') {
          pos++;
        } else {
          break;
        }
      }
      long wordOffset = base + pos;
      int wl = 0;
      while (true) {
        if (!ensure(1)) {
          throw truncated(count, r, base + pos);
        }
        byte c = buf[pos++];
        if (c == ' ') {
          break;
        }
        if (wl == word.length) {
          throw new VectorFormatException("word of over " + TextBlockParser.MAX_WORD_BYTES + " bytes in row "
              + (r + 1) + ", expected at most " + TextBlockParser.MAX_WORD_BYTES + " (starts '"
              + Utf8.preview(word, 0, 40, 40) + "'); is this a word2vec binary file? ("
              + at(wordOffset) + ")");
        }
        word[wl++] = c;
      }
      long vectorOffset = base + pos;
      if (!ensure(rowBytes)) {
        throw new VectorFormatException("truncated: row " + (r + 1) + " ('" + Utf8.preview(word, 0, wl, 40)
            + "') has " + (lim - pos) + " of its " + rowBytes + " vector bytes; the header announces " + count
            + " rows (" + at(vectorOffset) + ")");
      }
      for (int k = 0; k < dim; k++) {
        float v = (float) FLOAT_LE.get(buf, pos + 4 * k);
        if (!Float.isFinite(v)) {
          throw new VectorFormatException("non-finite value " + v + " (value " + (k + 1) + " of word '"
              + Utf8.preview(word, 0, wl, 40) + "'), expected a finite number ("
              + at(vectorOffset + 4L * k) + ")");
        }
        row[k] = v;
      }
      pos += rowBytes;
      String w;
      if (Utf8.isValid(word, 0, wl)) {
        w = new String(word, 0, wl, StandardCharsets.UTF_8);
      } else {
        String shown = new String(word, 0, wl, StandardCharsets.UTF_8);
        String what = "word '" + Utf8.preview(word, 0, wl, 40) + "' (bytes " + Utf8.hex(word, 0, Math.min(wl, 64)) + ")";
        if (options.encodingErrors() == EncodingErrors.STRICT) {
          throw new VectorFormatException("invalid UTF-8 in " + what + ", expected UTF-8 text; "
              + org.embdiff.util.SettingAdvice.set("encoding errors", "replace or skip") + " (" + at(wordOffset) + ")");
        }
        if (options.encodingErrors() == EncodingErrors.SKIP) {
          warnings.add(LoadWarnings.INVALID_UTF8_SKIPPED, at(wordOffset) + " " + what);
          continue;
        }
        warnings.add(LoadWarnings.INVALID_UTF8_REPLACED, at(wordOffset) + " " + what);
        w = shown;
      }
      rows.add(w, row, 0, wordOffset);
    }
    if (!rows.full()) {
      while (ensure(1) && (buf[pos] == '\n' || buf[pos] == '\r' || buf[pos] == ' ')) {
        pos++;
      }
      if (ensure(1)) {
        warnings.add(LoadWarnings.TRAILING, at(base + pos) + ": data after the " + count
            + " rows the header announces");
      }
    }
  }

  private VectorFormatException truncated(long count, long row, long offset) {
    return new VectorFormatException("truncated: the header announces " + count + " rows, the file ends after "
        + row + " (" + at(offset) + ")");
  }
}
