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
    InputStream file = Files.newInputStream(path);
    if (progress != ProgressListener.NONE) {
      file = new CountingInputStream(file, progress);
    }
    InputStream raw = new BufferedInputStream(file, 1 << 16);
    raw.mark(8);
    byte[] magic = raw.readNBytes(6);
    raw.reset();
    String compression = compressionOf(magic);
    if (compression.equals("none")) {
      return new Opened(raw, compression);
    }
    try {
      InputStream decompressed = switch (compression) {
        case "gzip" -> new GzipCompressorInputStream(raw, true);
        case "bzip2" -> new BZip2CompressorInputStream(raw, true);
        case "xz" -> new XZCompressorInputStream(raw, true);
        default -> zipEntry(new ZipArchiveInputStream(raw), path, entry);
      };
      return new Opened(new BufferedInputStream(new CheckedDecompression(decompressed, compression, path), 1 << 16),
          compression);
    } catch (IOException | RuntimeException e) {
      raw.close();
      if (e instanceof VectorFormatException f) {
        throw f;
      }
      throw CheckedDecompression.corrupt(compression, path, 0, e);
    }
  }

  private static String compressionOf(byte[] magic) {
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return "gzip";
    }
    if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
      return "bzip2";
    }
    if (magic.length >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
        && magic[4] == 'Z' && magic[5] == 0) {
      return "xz";
    }
    if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      return "zip";
    }
    return "none";
  }

  private static InputStream zipEntry(ZipArchiveInputStream zip, Path path, String entry) throws IOException {
    ZipArchiveEntry e;
    while ((e = zip.getNextEntry()) != null) {
      if (!e.isDirectory() && (entry == null || e.getName().equals(entry))) {
        return zip;
      }
    }
    throw new VectorFormatException("zip archive has no " + (entry == null ? "file entry" : "entry '" + entry + "'")
        + " (" + path + " (byte offset 0))");
  }

  /**
   * Turns what a decompressor throws on damaged data (an {@code IOException} without the file, or a
   * runtime exception from a corrupt block) into a {@link VectorFormatException} naming the file and
   * how far decompression got.
   */
  private static final class CheckedDecompression extends java.io.FilterInputStream {
    private final String compression;
    private final Path path;
    private long delivered;

    CheckedDecompression(InputStream in, String compression, Path path) {
      super(in);
      this.compression = compression;
      this.path = path;
    }

    static VectorFormatException corrupt(String compression, Path path, long delivered, Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      return new VectorFormatException("corrupt " + compression + " data after " + delivered
          + " decompressed bytes: " + why.replace('\n', ' ') + "; the file is damaged or truncated (" + path
          + " (byte offset " + delivered + " of the decompressed content))", e);
    }

    @Override
    public int read() throws IOException {
      try {
        int b = in.read();
        if (b >= 0) {
          delivered++;
        }
        return b;
      } catch (IOException | RuntimeException e) {
        throw corrupt(compression, path, delivered, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          delivered += n;
        }
        return n;
      } catch (IOException | RuntimeException e) {
        if (e instanceof java.io.InterruptedIOException i) {
          throw i;
        }
        throw corrupt(compression, path, delivered, e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        long skipped = in.skip(n);
        delivered += skipped;
        return skipped;
      } catch (IOException | RuntimeException e) {
        throw corrupt(compression, path, delivered, e);
      }
    }
  }

  /** Reports bytes as they are read. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private final ProgressListener progress;

    CountingInputStream(InputStream in, ProgressListener progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        progress.advance(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      progress.advance(skipped);
      return skipped;
    }
  }
}
