package org.embdiff.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.embdiff.util.ProgressListener;

/**
 * Opens plain, gzip, bzip2, xz and zip files, detecting the compression from the first bytes (not
 * the name). A zip is read from its first entry, or from {@code file.zip!entry.txt}.
 */
public final class CompressedInput {
  private CompressedInput() {}

  /** An opened stream and the compression detected. */
  public record Opened(InputStream stream, String compression) {}

  /**
   * Opens {@code path} (optionally {@code archive.zip!entry}).
   *
   * @throws IOException with the path and reason when it is missing, a directory, or unreadable
   */
  public static Opened open(Path path) throws IOException {
    return open(path, ProgressListener.NONE);
  }

  /**
   * Splits {@code archive.zip!entry} into the file on disk and the entry name (null when absent).
   */
  static Path fileOf(Path path) {
    String text = path.toString();
    int bang = text.indexOf(".zip!");
    return bang >= 0 ? Path.of(text.substring(0, bang + 4)) : path;
  }

  /**
   * Opens {@code path} like {@link #open(Path)} and reports the compressed (on-disk) bytes read to
   * {@code onRawBytes}, so progress can be shown against the file size.
   */
  public static Opened open(Path path, java.util.function.LongConsumer onRawBytes) throws IOException {
    if (onRawBytes == null) {
      return open(path, ProgressListener.NONE);
    }
    return open(path, new ProgressListener() {
      @Override
      public void start(String task, long total, String unit) {}

      @Override
      public void advance(long delta) {
        onRawBytes.accept(delta);
      }

      @Override
      public void finish() {}
    });
  }

  /**
   * Opens {@code path} like {@link #open(Path)}, reporting the compressed bytes read from disk to
   * {@code progress} (as {@code advance(bytes)}; the caller starts and finishes the task).
   */
  public static Opened open(Path path, ProgressListener progress) throws IOException {
    String entry = null;
    String text = path.toString();
    int bang = text.indexOf(".zip!");
    if (bang >= 0) {
      entry = text.substring(bang + 5);
      path = Path.of(text.substring(0, bang + 4));
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path + ": no such file (check the path)");
    }
    if (Files.isDirectory(path)) {
      throw new IOException(path + ": is a directory, expected a file");
    }
    return decode(Files.newInputStream(path), path.toString(), entry, progress);
  }

  /**
   * Wraps {@code file} (any byte stream, e.g. from a Hadoop file system) in the decompressor its
   * first bytes call for, as {@link #open(Path)} does; {@code entry} picks a zip entry (null = the
   * first file entry) and {@code location} names the source in errors.
   */
  public static Opened decode(InputStream file, String location, String entry) throws IOException {
    return decode(file, location, entry, ProgressListener.NONE);
  }

  private static Opened decode(InputStream in, String path, String entry, ProgressListener progress)
      throws IOException {
    CountingInputStream file = new CountingInputStream(in, progress);
    InputStream raw = new BufferedInputStream(file, 1 << 16);
    raw.mark(8);
    byte[] magic = raw.readNBytes(6);
    raw.reset();
    try {
      if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        return decompressed(new GzipCompressorInputStream(raw, true), "gzip", path, file);
      }
      if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
        return decompressed(new BZip2CompressorInputStream(raw, true), "bzip2", path, file);
      }
      if (magic.length >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
          && magic[4] == 'Z' && magic[5] == 0) {
        return decompressed(new XZCompressorInputStream(raw, true), "xz", path, file);
      }
      if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
        ZipArchiveInputStream zip = new ZipArchiveInputStream(raw);
        ZipArchiveEntry e;
        while ((e = zip.getNextEntry()) != null) {
          if (!e.isDirectory() && (entry == null || e.getName().equals(entry))) {
            return decompressed(zip, "zip", path, file);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw corrupt(path, compressionOf(magic), file.count(), e);
    }
    if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      raw.close();
      throw new VectorFormatException("zip archive has no " + (entry == null ? "file entry" : "entry '" + entry + "'")
          + " (" + path + " (byte offset 0))");
    }
    return new Opened(raw, "none");
  }

  /** The compression that the first {@code n} bytes of a file announce: gzip, bzip2, xz, zip or none. */
  public static String compressionOf(byte[] magic, int n) {
    if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return "gzip";
    }
    if (n >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
      return "bzip2";
    }
    if (n >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
        && magic[4] == 'Z' && magic[5] == 0) {
      return "xz";
    }
    if (n >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      return "zip";
    }
    return "none";
  }

  private static String compressionOf(byte[] magic) {
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f) {
      return "gzip";
    }
    if (magic.length >= 1 && magic[0] == 'B') {
      return "bzip2";
    }
    return magic.length >= 1 && magic[0] == 'P' ? "zip" : "xz";
  }

  private static Opened decompressed(InputStream decoder, String compression, String path, CountingInputStream file) {
    return new Opened(new BufferedInputStream(new DecodingErrors(decoder, compression, path, file), 1 << 16), compression);
  }

  /**
   * The one message of a decompression failure: the file, the compression, the on-disk byte offset
   * reached, the decoder's reason and what to do.
   */
  static IOException corrupt(String path, String compression, long offset, Exception cause) {
    String reason = cause.getMessage() == null || cause.getMessage().isBlank()
        ? (cause instanceof java.io.EOFException ? "unexpected end of the compressed data" : cause.getClass().getSimpleName())
        : cause.getMessage();
    String tool = switch (compression) {
      case "bzip2" -> "bzip2 -t";
      case "xz" -> "xz -t";
      case "zip" -> "unzip -t";
      default -> "gzip -t";
    };
    return new VectorFormatException(path + ": corrupt or truncated " + compression + " (byte offset " + offset + "): "
        + reason.replace('\n', ' ') + "; check it with '" + tool + " " + path + "' and download or copy it again", cause);
  }

  /** Turns a decoder's bare exception (often an EOFException without message) into {@link #corrupt}. */
  private static final class DecodingErrors extends java.io.FilterInputStream {
    private final String compression;
    private final String path;
    private final CountingInputStream file;

    DecodingErrors(InputStream in, String compression, String path, CountingInputStream file) {
      super(in);
      this.compression = compression;
      this.path = path;
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (java.io.InterruptedIOException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw corrupt(path, compression, file.count(), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (java.io.InterruptedIOException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw corrupt(path, compression, file.count(), e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (java.io.InterruptedIOException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw corrupt(path, compression, file.count(), e);
      }
    }

    /**
     * Wrapped too: a decoder that fails after filling part of a read returns those bytes and keeps
     * the error (xz's index and footer checks at the end of a stream), which its next call throws,
     * and a buffered reader's next call is often {@code available()}.
     */
    @Override
    public int available() throws IOException {
      try {
        return super.available();
      } catch (java.io.InterruptedIOException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw corrupt(path, compression, file.count(), e);
      }
    }
  }

  /** Reports bytes as they are read. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private final ProgressListener progress;
    private long count;

    CountingInputStream(InputStream in, ProgressListener progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
        progress.advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        progress.advance(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      progress.advance(skipped);
      return skipped;
    }

    /** Bytes read from the file so far. */
    long count() {
      return count;
    }
  }
}
