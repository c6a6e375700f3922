package org.embdiff.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.embdiff.util.AtomicFiles;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Writes an {@link EmbeddingSpace} in any {@link VectorFormat}, always atomically (a temporary file
 * renamed over the target, see {@link AtomicFiles}): a failure leaves no partial file.
 *
 * <p>Text values are written with {@link Float#toString(float)}, which reads back to the same
 * float. word2vec binary follows the C tool ({@code word<space>}, little-endian float32, LF);
 * fastText {@code .vec} ends each row with a space as fastText does.
 */
public final class VectorWriter {
  private VectorWriter() {}

  /** Writes {@code space} to {@code target} in {@code format}. */
  public static void write(EmbeddingSpace space, Path target, VectorFormat format) throws IOException {
    write(space, target, format, ProgressListener.NONE);
  }

  /**
   * Writes {@code space} to {@code target} in {@code format}, reporting rows written.
   *
   * @throws IOException when a word cannot be stored in a text format (empty, or containing
   *     whitespace), or the file cannot be written; the target is then left untouched
   */
  public static void write(EmbeddingSpace space, Path target, VectorFormat format, ProgressListener progress)
      throws IOException {
    progress.start("writing " + target.getFileName(), format == VectorFormat.EMBDIFF_BINARY
        ? 4L * space.size() * space.dim() : space.size(), format == VectorFormat.EMBDIFF_BINARY ? "B" : "rows");
    try {
      AtomicFiles.write(target, out -> write(space, out, format, progress, target));
    } finally {
      progress.finish();
    }
  }

  /** Writes to a stream (no atomicity); {@code target} only names the file in messages. */
  static void write(EmbeddingSpace space, OutputStream out, VectorFormat format, ProgressListener progress,
      Path target) throws IOException {
    switch (format) {
      case EMBDIFF_BINARY -> EmbdiffBinary.write(space, out, progress);
      case WORD2VEC_BINARY -> writeWord2VecBinary(space, out, progress, target);
      case GLOVE, WORD2VEC_TEXT, FASTTEXT_VEC -> writeText(space, out, format, progress, target);
      default -> throw new IllegalArgumentException("unknown format " + format);
    }
  }

  private static void checkWord(String word, int row, VectorFormat format, Path target) throws IOException {
    if (word.isEmpty()) {
      throw new IOException("cannot write an empty word (row " + (row + 1) + ") as " + format.cliName() + " (" + target + ")");
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        throw new org.embdiff.util.InvalidSetting("output format", format.cliName(), "embdiff for word '" + word
            + "' (row " + (row + 1) + "): it contains whitespace, which " + format.cliName() + " uses as a separator ("
            + target + ")");
      }
    }
  }

  private static void writeText(EmbeddingSpace space, OutputStream out, VectorFormat format,
      ProgressListener progress, Path target) throws IOException {
    int dim = space.dim();
    float[] m = space.matrix();
    if (format != VectorFormat.GLOVE) {
      out.write((space.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    boolean trailingSpace = format == VectorFormat.FASTTEXT_VEC;
    byte[] line = new byte[1024];
    for (int r = 0; r < space.size(); r++) {
      String word = space.word(r);
      checkWord(word, r, format, target);
      byte[] w = word.getBytes(StandardCharsets.UTF_8);
      int need = w.length + dim * 16 + 2;
      if (line.length < need) {
        line = new byte[need];
      }
      System.arraycopy(w, 0, line, 0, w.length);
      int at = w.length;
      for (int k = 0; k < dim; k++) {
        line[at++] = ' ';
        String v = Float.toString(m[r * dim + k]);
        for (int i = 0; i < v.length(); i++) {
          line[at++] = (byte) v.charAt(i);
        }
      }
      if (trailingSpace) {
        line[at++] = ' ';
      }
      line[at++] = '\n';
      out.write(line, 0, at);
      if ((r & 1023) == 1023) {
        progress.advance(1024);
      }
    }
  }

  private static void writeWord2VecBinary(EmbeddingSpace space, OutputStream out, ProgressListener progress,
      Path target) throws IOException {
    int dim = space.dim();
    float[] m = space.matrix();
    out.write((space.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
    ByteBuffer row = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < space.size(); r++) {
      String word = space.word(r);
      checkWord(word, r, VectorFormat.WORD2VEC_BINARY, target);
      out.write(word.getBytes(StandardCharsets.UTF_8));
      out.write(' ');
      row.clear();
      row.asFloatBuffer().put(m, r * dim, dim);
      out.write(row.array(), 0, dim * 4);
      out.write('\n');
      if ((r & 1023) == 1023) {
        progress.advance(1024);
      }
    }
  }
}
