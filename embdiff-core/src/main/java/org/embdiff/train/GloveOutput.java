package org.embdiff.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.embdiff.util.AtomicFiles;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/** Writes trained GloVe vectors: GloVe text, word2vec binary, or raw float32; every write is atomic. */
public final class GloveOutput {
  /** Output formats. */
  public enum Format {
    /** {@code word v1 v2 ...} per line, no header, 6 decimals like the C tool. */
    GLOVE_TEXT,
    /** word2vec binary: header {@code "V D\n"}, then {@code word} space D little-endian float32 newline. */
    WORD2VEC_BINARY,
    /** V x D little-endian float32, row-major, no header (words in the vocabulary file order). */
    FLOAT32
  }

  private GloveOutput() {}

  /**
   * The rows of {@code model} for {@code modelKind} (0/1/2 as the C tool) as an embedding space.
   * With {@code unk}, an {@code <unk>} row is appended: the mean of the 100 rarest words' rows, as
   * the C tool writes it.
   */
  public static EmbeddingSpace space(GloveModel model, String[] words, int modelKind, boolean unk) {
    if (words.length != model.vocabSize()) {
      throw new IllegalArgumentException("vocabulary has " + words.length + " words, model " + model.vocabSize());
    }
    float[] m = model.outputMatrix(modelKind);
    int width = model.outputDim(modelKind);
    if (!unk) {
      return new EmbeddingSpace(new Vocabulary(words), width, m);
    }
    int v = words.length;
    float[] withUnk = java.util.Arrays.copyOf(m, (v + 1) * width);
    int rare = Math.min(v, 100);
    for (int b = 0; b < width; b++) {
      double s = 0;
      for (int a = v - rare; a < v; a++) {
        s += m[a * width + b];
      }
      withUnk[v * width + b] = (float) (s / rare);
    }
    String[] w = java.util.Arrays.copyOf(words, v + 1);
    w[v] = "<unk>";
    return new EmbeddingSpace(new Vocabulary(w), width, withUnk);
  }

  /** Writes {@code space} to {@code path} in {@code format}, atomically. */
  public static void write(EmbeddingSpace space, Path path, Format format) throws IOException {
    AtomicFiles.write(path, out -> {
      switch (format) {
        case GLOVE_TEXT -> writeText(space, out);
        case WORD2VEC_BINARY -> writeWord2vecBinary(space, out);
        case FLOAT32 -> writeFloats(space, out);
        default -> throw new IllegalArgumentException("unknown format " + format);
      }
    });
  }

  private static void writeText(EmbeddingSpace s, OutputStream out) throws IOException {
    StringBuilder sb = new StringBuilder(s.dim() * 10 + 32);
    int d = s.dim();
    float[] m = s.matrix();
    for (int r = 0; r < s.size(); r++) {
      sb.setLength(0);
      sb.append(s.word(r));
      for (int b = 0; b < d; b++) {
        sb.append(' ');
        appendFixed6(sb, m[r * d + b]);
      }
      sb.append('\n');
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Appends {@code v} with exactly 6 decimals (like C's {@code %lf}) without String.format. */
  static void appendFixed6(StringBuilder sb, double v) {
    if (!Double.isFinite(v)) {
      sb.append(String.format(Locale.ROOT, "%f", v));
      return;
    }
    long scaled = Math.round(Math.abs(v) * 1e6);
    if (v < 0) {
      sb.append('-'); // C prints -0.000000 for tiny negatives too
    }
    sb.append(scaled / 1_000_000).append('.');
    String frac = Long.toString(scaled % 1_000_000);
    for (int i = frac.length(); i < 6; i++) {
      sb.append('0');
    }
    sb.append(frac);
  }

  private static void writeWord2vecBinary(EmbeddingSpace s, OutputStream out) throws IOException {
    out.write((s.size() + " " + s.dim() + "\n").getBytes(StandardCharsets.UTF_8));
    ByteBuffer bb = ByteBuffer.allocate(s.dim() * 4).order(ByteOrder.LITTLE_ENDIAN);
    float[] m = s.matrix();
    for (int r = 0; r < s.size(); r++) {
      out.write(s.word(r).getBytes(StandardCharsets.UTF_8));
      out.write(' ');
      bb.clear();
      for (int b = 0; b < s.dim(); b++) {
        bb.putFloat(m[r * s.dim() + b]);
      }
      out.write(bb.array(), 0, bb.position());
      out.write('\n');
    }
  }

  private static void writeFloats(EmbeddingSpace s, OutputStream out) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : s.matrix()) {
      if (!bb.hasRemaining()) {
        out.write(bb.array(), 0, bb.position());
        bb.clear();
      }
      bb.putFloat(f);
    }
    out.write(bb.array(), 0, bb.position());
  }
}
