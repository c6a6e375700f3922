package org.embdiff.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Workers;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Loads word vectors in any {@link VectorFormat}, plain or compressed, detecting both from the
 * content (the name is never consulted; {@link LoadOptions#format()} overrides the format).
 *
 * <p>Text formats are parsed from bytes in blocks of whole lines, in parallel, and merged in file
 * order (see {@link TextBlockParser}); values go into a {@link RowStore}, which for plain files is
 * sized from a line count so the final matrix is never copied. word2vec binary is read as a stream;
 * the embdiff cache ({@link EmbdiffBinary}) is memory-mapped.
 *
 * <p>Messy content is either accepted with a counted warning in {@link LoadSummary#warnings()}
 * (BOM, CRLF, blank lines, duplicate words, invalid UTF-8 by default, a header row count that
 * disagrees, trailing data) or refused with a {@link VectorFormatException} naming the problem,
 * actual vs expected and {@code file:line} (byte offset for binary files).
 */
public final class VectorReader {
  private static final int BLOCK_BYTES = 1 << 21;
  private static final int MAX_LINE_BYTES = 1 << 26;

  private VectorReader() {}

  /** Loads {@code path} with default options. */
  public static LoadedVectors load(Path path) throws IOException {
    return load(path, LoadOptions.defaults());
  }

  /**
   * Loads {@code path}.
   *
   * @throws VectorFormatException with file:line and the reason for malformed content
   * @throws IOException when the file is missing, a directory or unreadable (message names it)
   */
  public static LoadedVectors load(Path path, LoadOptions options) throws IOException {
    return load(path, options, ProgressListener.NONE);
  }

  /**
   * Loads {@code path}, reporting the bytes read from disk to {@code progress} (task unit "B",
   * total = the file size).
   */
  public static LoadedVectors load(Path path, LoadOptions options, ProgressListener progress) throws IOException {
    return load(path, options, progress, null);
  }

  /**
   * Loads {@code path} as {@link #load(Path, LoadOptions, ProgressListener)}, parsing text on
   * {@code executor} (a run's pool, split {@link LoadOptions#parseThreads()} ways; null = threads of its own).
   */
  public static LoadedVectors load(Path path, LoadOptions options, ProgressListener progress, ExecutorService executor)
      throws IOException {
    Path file = CompressedInput.fileOf(path);
    long size = Files.isRegularFile(file) ? Files.size(file) : -1;
    boolean zipEntry = !file.equals(path);
    if (!zipEntry && size >= EmbdiffBinary.MAGIC.length && EmbdiffBinary.hasMagic(file)
        && (options.format() == null || options.format() == VectorFormat.EMBDIFF_BINARY)) {
      progress.start("loading " + file.getFileName(), size, "B");
      try {
        return EmbdiffBinary.read(file, options, progress);
      } finally {
        progress.finish();
      }
    }
    CompressedInput.Opened opened = CompressedInput.open(path, progress);
    progress.start("loading " + file.getFileName(), size, "B");
    try (InputStream in = opened.stream()) {
      byte[] first = new byte[BLOCK_BYTES];
      int n = in.readNBytes(first, 0, first.length);
      boolean eof = n < first.length;
      LoadWarnings warnings = new LoadWarnings();
      VectorFormat format = options.format() != null ? options.format() : detect(first, n);
      if (format == VectorFormat.EMBDIFF_BINARY && "none".equals(opened.compression()) && !zipEntry) {
        return EmbdiffBinary.read(file, options, progress); // reports the wrong magic with its offset
      }
      if (format == VectorFormat.EMBDIFF_BINARY) {
        throw new VectorFormatException("an embdiff cache must be a plain file to be memory-mapped, found "
            + opened.compression() + " compression; decompress it first (" + path + ")");
      }
      EmbeddingSpace space;
      RowCollector rows;
      if (format == VectorFormat.WORD2VEC_BINARY) {
        rows = new RowCollector(path, true, options, warnings);
        InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first, 0, n), in);
        Word2VecBinaryReader.read(all, path, options, rows, warnings, "none".equals(opened.compression()) ? size : -1,
            Math.max(size, 1 << 20));
      } else {
        rows = new RowCollector(path, false, options, warnings);
        long lineHint = "none".equals(opened.compression()) && options.limit() == 0 && options.vocabulary() == null
            ? LineCounter.count(file) : 0;
        readText(new BlockReader(in, first, n, eof, path), format, path, options, rows, warnings, lineHint, executor);
      }
      space = rows.build();
      return new LoadedVectors(space, new LoadSummary(path, format, opened.compression(), rows.rowsRead(),
          space.size(), space.dim(), warnings.counts(), warnings.examples()));
    } finally {
      progress.finish();
    }
  }

  /** Detects the format from the first bytes of the (decompressed) content. */
  static VectorFormat detect(byte[] b, int len) {
    if (len >= EmbdiffBinary.MAGIC.length && EmbdiffBinary.hasMagic(b)) {
      return VectorFormat.EMBDIFF_BINARY;
    }
    int p = hasBom(b, len) ? 3 : 0;
    int eol = indexOf(b, p, len, (byte) '\n');
    if (eol < 0) {
      return VectorFormat.GLOVE;
    }
    long[] header = parseHeader(b, p, eol);
    if (header == null) {
      return VectorFormat.GLOVE;
    }
    int q = eol + 1;
    int space = -1;
    for (int i = q; i < Math.min(len, q + TextBlockParser.MAX_WORD_BYTES + 2); i++) {
      if (b[i] == ' ') {
        space = i;
        break;
      }
    }
    if (space >= 0) {
      int sample = (int) Math.min(Math.min(4 * header[1], 512), len - space - 1);
      for (int i = space + 1; i < space + 1 + sample; i++) {
        if (b[i] == '\n') {
          break; // a text row ended: every byte so far was text
        }
        if (!isTextNumberByte(b[i])) {
          return VectorFormat.WORD2VEC_BINARY;
        }
      }
    }
    int next = indexOf(b, q, len, (byte) '\n');
    if (next > q) {
      int e = next - 1;
      if (b[e] == '\r') {
        e--;
      }
      if (e >= q && b[e] == ' ') {
        return VectorFormat.FASTTEXT_VEC; // fastText writes "word v1 ... vD \n"
      }
    }
    return VectorFormat.WORD2VEC_TEXT;
  }

  private static boolean isTextNumberByte(byte c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' || c == ' '
        || c == '\t' || c == '\r' || c == '\n' || "naNAifIFtyTY".indexOf(c) >= 0;
  }

  static boolean hasBom(byte[] b, int len) {
    return len >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
  }

  static int indexOf(byte[] b, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** {COUNT, DIM} when {@code b[from, to)} is a word2vec header line of two positive integers. */
  static long[] parseHeader(byte[] b, int from, int to) {
    String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1).strip();
    String[] parts = text.split("[ \t]+");
    if (parts.length != 2 || !parts[0].matches("[0-9]{1,12}") || !parts[1].matches("[0-9]{1,9}")) {
      return null;
    }
    long count = Long.parseLong(parts[0]);
    long dim = Long.parseLong(parts[1]);
    return dim > 0 ? new long[] {count, dim} : null;
  }

  private static void readText(BlockReader blocks, VectorFormat format, Path path, LoadOptions options,
      RowCollector rows, LoadWarnings warnings, long lineHint, ExecutorService executor) throws IOException {
    BlockReader.Chunk chunk = blocks.next();
    if (chunk == null || isBlank(chunk)) {
      throw new VectorFormatException("empty file: no vectors, expected rows of 'word v1 ... vD' (" + path + ":1)");
    }
    int start = chunk.start();
    if (hasBom(chunk.bytes(), chunk.end())) {
      warnings.add(LoadWarnings.BOM, path + ":1");
      start += 3;
    }
    long linesBefore = 0;
    long[] header = null;
    String dimOrigin = null;
    if (format != VectorFormat.GLOVE) {
      int eol = indexOf(chunk.bytes(), start, chunk.end(), (byte) '\n');
      int lineEnd = eol < 0 ? chunk.end() : eol;
      header = parseHeader(chunk.bytes(), start, lineEnd);
      if (header == null) {
        String found = new String(chunk.bytes(), start, Math.min(lineEnd - start, 60), StandardCharsets.UTF_8).strip();
        throw new VectorFormatException("missing header: expected 'COUNT DIM' on line 1 for " + format
            + ", found '" + found + "' (" + path + ":1); for a file without header "
            + org.embdiff.util.SettingAdvice.set("vector format", "glove"));
      }
      start = eol < 0 ? chunk.end() : eol + 1;
      linesBefore = 1;
      dimOrigin = "from the header '" + header[0] + " " + header[1] + "' on line 1";
      if (header[1] > Integer.MAX_VALUE / 2) {
        throw new VectorFormatException("header dimension " + header[1] + " is too large (" + path + ":1)");
      }
    }
    int dim = header == null ? -1 : (int) header[1];
    long expected = lineHint > 0 ? lineHint - linesBefore : 0;
    long fileBytes = lineHint > 0 ? java.nio.file.Files.size(CompressedInput.fileOf(path)) : 0;

    TextBlockParser.Block firstBlock = new TextBlockParser(chunk.bytes(), options.encodingErrors(), dimOrigin)
        .parse(start, chunk.end(), dim);
    if (firstBlock.dim <= 0 && firstBlock.error == null) {
      firstBlock.dim = dim; // only blank lines so far
    }
    dim = firstBlock.dim;
    if (dim > 0) {
      rows.begin(dim, rowsThatFit(expected, fileBytes, dim));
    }
    linesBefore = merge(firstBlock, linesBefore, path, rows, warnings);
    if (dim <= 0) {
      // only blank lines in the first block: keep reading synchronously until a row sets the dimension
      while (dim <= 0 && !rows.full()) {
        chunk = blocks.next();
        if (chunk == null) {
          break;
        }
        TextBlockParser.Block b = new TextBlockParser(chunk.bytes(), options.encodingErrors(), dimOrigin)
            .parse(chunk.start(), chunk.end(), -1);
        dim = b.dim;
        if (dim > 0) {
          rows.begin(dim, rowsThatFit(expected, fileBytes, dim));
        }
        linesBefore = merge(b, linesBefore, path, rows, warnings);
      }
      if (dim <= 0) {
        throw new VectorFormatException("empty file: only blank lines, expected rows of 'word v1 ... vD' ("
            + path + ":" + Math.max(1, linesBefore) + ")");
      }
    }
    String laterOrigin = dimOrigin != null ? dimOrigin : "as in the first row";
    int threads = options.parseThreads();
    Workers pool = threads > 1 ? Workers.on(executor, threads, "embdiff-parse") : null;
    ArrayDeque<Future<TextBlockParser.Block>> inFlight = new ArrayDeque<>();
    try {
      final int d = dim;
      while (!rows.full()) {
        BlockReader.Chunk c = blocks.next();
        if (c == null) {
          break;
        }
        TextBlockParser parser = new TextBlockParser(c.bytes(), options.encodingErrors(), laterOrigin);
        if (pool == null) {
          linesBefore = merge(parser.parse(c.start(), c.end(), d), linesBefore, path, rows, warnings);
          continue;
        }
        inFlight.add(pool.submit(() -> parser.parse(c.start(), c.end(), d)));
        if (inFlight.size() > threads + 1) {
          linesBefore = merge(await(inFlight.poll()), linesBefore, path, rows, warnings);
        }
      }
      while (!inFlight.isEmpty() && !rows.full()) {
        linesBefore = merge(await(inFlight.poll()), linesBefore, path, rows, warnings);
      }
    } finally {
      if (pool != null) {
        pool.close();
      }
    }
    long present = header == null ? 0 : rows.rowsRead() + warnings.counts().getOrDefault(LoadWarnings.INVALID_UTF8_SKIPPED, 0L);
    if (header != null && !rows.full() && present < header[0]) {
      // a short file is a cut download (gensim refuses it too): refuse unless asked to load what is there
      if (!options.allowTruncated()) {
        throw new TruncatedFileException("truncated: the header '" + header[0] + " " + header[1] + "' announces "
            + header[0] + " rows, the file ends after " + present + " (" + path + ":" + linesBefore
            + "); download or copy it again", header[0], present);
      }
      warnings.add(LoadWarnings.TRUNCATED, path + ":1: the header announces " + header[0] + " rows, loaded the "
          + present + " present");
    } else if (header != null && !rows.full() && present != header[0]) {
      warnings.add(LoadWarnings.HEADER_COUNT, path + ":1: header says " + header[0] + " rows, the file has "
          + rows.rowsRead());
    }
  }

  /**
   * The line count as a row hint, capped by what the file can hold (a row of {@code dim} values takes
   * at least 2 bytes per value), so blank lines cannot make a short file allocate a huge matrix.
   */
  private static long rowsThatFit(long lines, long fileBytes, int dim) {
    return Math.min(lines, fileBytes / (2L * dim + 2));
  }

  private static boolean isBlank(BlockReader.Chunk chunk) {
    byte[] b = chunk.bytes();
    int from = chunk.start() + (hasBom(b, chunk.end()) ? 3 : 0);
    for (int i = from; i < chunk.end(); i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  private static TextBlockParser.Block await(Future<TextBlockParser.Block> future) throws IOException {
    return org.embdiff.util.Futures.await(future);
  }

  /** Merges one block in file order; returns the lines read so far. */
  private static long merge(TextBlockParser.Block block, long linesBefore, Path path, RowCollector rows,
      LoadWarnings warnings) throws IOException {
    for (Map.Entry<String, long[]> w : block.warnings.entrySet()) {
      String text = block.warningText.get(w.getKey());
      long line = linesBefore + w.getValue()[1] + 1;
      warnings.add(w.getKey(), w.getValue()[0], path + ":" + line + (text.isEmpty() ? "" : " " + text));
    }
    int dim = block.dim > 0 ? block.dim : rows.dim();
    for (int r = 0; r < block.rows && !rows.full(); r++) {
      rows.add(block.words[r], block.values, r * dim, linesBefore + block.rowLines[r] + 1);
    }
    if (block.error != null && !rows.full()) {
      throw new VectorFormatException(block.error + " (" + path + ":" + (linesBefore + block.errorLine + 1) + ")");
    }
    return linesBefore + block.lineCount;
  }

  /** Cuts a stream into blocks of whole lines, each in its own array (handed to a parser thread). */
  static final class BlockReader {
    /** Bytes {@code [start, end)} of {@code bytes}: whole lines. */
    record Chunk(byte[] bytes, int start, int end) {}

    private final InputStream in;
    private final Path path;
    private byte[] buf;
    private int start;
    private int len;
    private boolean eof;
    /** Stream offset of {@code buf[0]}. */
    private long consumed;

    BlockReader(InputStream in, byte[] first, int len, boolean eof, Path path) {
      this.in = in;
      this.buf = first;
      this.len = len;
      this.eof = eof;
      this.path = path;
    }

    Chunk next() throws IOException {
      while (true) {
        if (buf == null) {
          return null;
        }
        int nl = -1;
        for (int i = len - 1; i >= start; i--) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        if (nl >= 0 && (len == buf.length || eof)) {
          Chunk chunk = new Chunk(buf, start, nl + 1);
          int rest = len - nl - 1;
          byte[] next = new byte[Math.max(BLOCK_BYTES, rest * 2)];
          System.arraycopy(buf, nl + 1, next, 0, rest);
          buf = next;
          start = 0;
          len = rest;
          consumed += nl + 1;
          if (!eof) {
            fill();
          } else if (len == 0) {
            buf = null;
          }
          return chunk;
        }
        if (eof) {
          Chunk chunk = len > start ? new Chunk(buf, start, len) : null;
          buf = null;
          return chunk;
        }
        if (len == buf.length) {
          if (buf.length >= MAX_LINE_BYTES) {
            throw new VectorFormatException("line longer than " + MAX_LINE_BYTES + " bytes, expected text lines "
                + "of 'word v1 ... vD'; is it a binary file? ("
                + org.embdiff.util.SettingAdvice.set("vector format") + ") (" + path + " (byte offset " + (consumed + start)
                + "))");
          }
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        fill();
      }
    }

    private void fill() throws IOException {
      int n = in.readNBytes(buf, len, buf.length - len);
      len += n;
      if (len < buf.length) {
        eof = true;
      }
    }
  }
}
