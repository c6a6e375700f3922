package org.embdiff.cooc;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads Stanford GloVe {@code CREC} records (int32 word, int32 context, float64 value, little
 * endian) sequentially, from a byte offset to an end offset. Usage: {@code while (r.next()) {
 * r.word(); r.context(); r.value(); }}.
 */
public final class CrecReader implements Closeable {
  private final Path path;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(CrecWriter.RECORD_BYTES * 16384)
      .order(ByteOrder.LITTLE_ENDIAN);
  private long position;
  private final long end;
  private int word;
  private int context;
  private double value;

  private CrecReader(Path path, long start, long end) throws IOException {
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    this.position = start;
    this.end = end;
    buffer.limit(0);
  }

  /**
   * Opens {@code path}, which must hold a whole number of records.
   *
   * @throws CrecFormatException when the size is not a multiple of 16 bytes (truncated file)
   */
  public static CrecReader open(Path path) throws IOException {
    long size = size(path);
    checkSize(path, size);
    return new CrecReader(path, 0, size);
  }

  /** Opens records {@code [fromRecord, toRecord)} of {@code path}. */
  public static CrecReader open(Path path, long fromRecord, long toRecord) throws IOException {
    long size = size(path);
    checkSize(path, size);
    long n = size / CrecWriter.RECORD_BYTES;
    if (fromRecord < 0 || toRecord > n || fromRecord > toRecord) {
      throw new IllegalArgumentException("record range [" + fromRecord + ", " + toRecord + ") outside 0.." + n
          + " of " + path);
    }
    return new CrecReader(path, fromRecord * CrecWriter.RECORD_BYTES, toRecord * CrecWriter.RECORD_BYTES);
  }

  /** Number of records in {@code path}, checking the file holds whole records. */
  public static long recordCount(Path path) throws IOException {
    long size = size(path);
    checkSize(path, size);
    return size / CrecWriter.RECORD_BYTES;
  }

  private static long size(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new java.io.FileNotFoundException("co-occurrence file not found: " + path);
    }
    return Files.size(path);
  }

  private static void checkSize(Path path, long size) throws CrecFormatException {
    if (size % CrecWriter.RECORD_BYTES != 0) {
      throw new CrecFormatException("truncated co-occurrence file: " + size + " bytes is not a multiple of "
          + CrecWriter.RECORD_BYTES + " (int32 word, int32 context, float64 value); last record starts at byte "
          + (size / CrecWriter.RECORD_BYTES) * CrecWriter.RECORD_BYTES + " of " + path);
    }
  }

  /** Advances to the next record; false at the end. */
  public boolean next() throws IOException {
    if (buffer.remaining() < CrecWriter.RECORD_BYTES) {
      if (position >= end) {
        return false;
      }
      buffer.clear();
      long want = Math.min(buffer.capacity(), end - position);
      buffer.limit((int) want);
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, position + buffer.position());
        if (n < 0) {
          throw new EOFException("co-occurrence file shrank while reading: " + path + " at byte "
              + (position + buffer.position()));
        }
      }
      position += want;
      buffer.flip();
    }
    word = buffer.getInt();
    context = buffer.getInt();
    value = buffer.getDouble();
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      long at = position - buffer.limit() + buffer.position() - CrecWriter.RECORD_BYTES;
      throw new CrecFormatException("co-occurrence value " + value + " of record " + at / CrecWriter.RECORD_BYTES
          + " (word " + word + ", context " + context + "), expected a finite count >= 0 (" + path + " byte offset "
          + at + ")");
    }
    return true;
  }

  /** 1-based word id of the current record. */
  public int word() {
    return word;
  }

  /** 1-based context id of the current record. */
  public int context() {
    return context;
  }

  /** Value of the current record. */
  public double value() {
    return value;
  }

  /** The file being read. */
  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
