package org.embdiff.cooc;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes Stanford GloVe {@code CREC} records: int32 word, int32 context, float64 value, little
 * endian, 16 bytes each, no header (the format of {@code cooccur}, {@code shuffle} and
 * {@code glove}). Word ids are 1-based ranks in the vocabulary file.
 */
public final class CrecWriter implements Closeable {
  /** Bytes per record. */
  public static final int RECORD_BYTES = 16;

  private final OutputStream out;
  private final byte[] bytes = new byte[RECORD_BYTES * 8192];
  private final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  private long records;

  /** Writes to {@code out}; {@link #close()} flushes but does not close it. */
  public CrecWriter(OutputStream out) {
    this.out = out;
  }

  /** Appends one record. */
  public void write(int word, int context, double value) throws IOException {
    if (!buffer.hasRemaining()) {
      flush();
    }
    buffer.putInt(word).putInt(context).putDouble(value);
    records++;
  }

  /** Records written so far. */
  public long records() {
    return records;
  }

  /** Writes the buffered records to the stream. */
  public void flush() throws IOException {
    out.write(bytes, 0, buffer.position());
    buffer.clear();
  }

  /** Flushes; the underlying stream stays open. */
  @Override
  public void close() throws IOException {
    flush();
    out.flush();
  }
}
