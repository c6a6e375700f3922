package org.embdiff.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.embdiff.util.AtomicFiles;

/**
 * GloVe parameters: word vectors w_i, context vectors w~_j and their biases, and the AdaGrad
 * squared-gradient sums, in float64 like the C tool (float32 squared-gradient sums lose the small
 * increments added to 1.0 and raise the cost curve by several percent).
 *
 * <p>Memory layout (as the C tool's {@code W}): row {@code r} occupies {@code params[r * (d + 1)
 * .. r * (d + 1) + d]}, the last of which is the bias; rows {@code 0..V-1} are word vectors (id - 1)
 * and rows {@code V..2V-1} context vectors. {@code gradsq} has the same layout.
 */
public final class GloveModel {
  private static final long MAGIC = 0x454d42444756_4331L; // "EMBDGVC1"
  private static final int VERSION = 1;

  final int vocabSize;
  final int dim;
  final double[] params;
  final double[] gradsq;
  int iterationsDone;

  private GloveModel(int vocabSize, int dim, double[] params, double[] gradsq, int iterationsDone) {
    this.vocabSize = vocabSize;
    this.dim = dim;
    this.params = params;
    this.gradsq = gradsq;
    this.iterationsDone = iterationsDone;
  }

  /**
   * A fresh model: every parameter (bias included) uniform in [-0.5, 0.5) / d, every squared
   * gradient 1.0, as the C tool initialises them.
   */
  public static GloveModel initialize(int vocabSize, int dim, long seed) {
    long n = 2L * vocabSize * (dim + 1);
    if (n > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("2 x " + vocabSize + " words x " + (dim + 1) + " parameters exceed one array");
    }
    double[] p = new double[(int) n];
    double[] g = new double[(int) n];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < p.length; i++) {
      p[i] = (rnd.nextDouble() - 0.5) / dim;
      g[i] = 1.0;
    }
    return new GloveModel(vocabSize, dim, p, g, 0);
  }

  /** Words. */
  public int vocabSize() {
    return vocabSize;
  }

  /** Dimension. */
  public int dim() {
    return dim;
  }

  /** Completed iterations (for resuming). */
  public int iterationsDone() {
    return iterationsDone;
  }

  /** w_i of 1-based word id {@code id}, copied. */
  public float[] wordVector(int id) {
    float[] v = new float[dim];
    for (int b = 0; b < dim; b++) {
      v[b] = (float) params[(id - 1) * (dim + 1) + b];
    }
    return v;
  }

  /** w~_j of 1-based id {@code id}, copied. */
  public float[] contextVector(int id) {
    float[] v = new float[dim];
    for (int b = 0; b < dim; b++) {
      v[b] = (float) params[(vocabSize + id - 1) * (dim + 1) + b];
    }
    return v;
  }

  /** b_i. */
  public double wordBias(int id) {
    return params[(id - 1) * (dim + 1) + dim];
  }

  /** b~_j. */
  public double contextBias(int id) {
    return params[(vocabSize + id - 1) * (dim + 1) + dim];
  }

  /** The model's estimate of log X_ij: w_i . w~_j + b_i + b~_j. */
  public double predictLog(int word, int context) {
    int l1 = (word - 1) * (dim + 1);
    int l2 = (vocabSize + context - 1) * (dim + 1);
    double s = 0;
    for (int b = 0; b < dim; b++) {
      s += params[l1 + b] * params[l2 + b];
    }
    return s + params[l1 + dim] + params[l2 + dim];
  }

  /**
   * The output rows of {@code model} (as the C tool's {@code -model}): 0 = [w, b, w~, b~]
   * (2d + 2 values), 1 = w, 2 = w + w~. Row-major, one row per word in id order.
   */
  public float[] outputMatrix(int model) {
    int width = outputDim(model);
    float[] out = new float[vocabSize * width];
    for (int a = 0; a < vocabSize; a++) {
      int l1 = a * (dim + 1);
      int l2 = (vocabSize + a) * (dim + 1);
      int o = a * width;
      switch (model) {
        case 0 -> {
          for (int b = 0; b <= dim; b++) {
            out[o + b] = (float) params[l1 + b];
            out[o + dim + 1 + b] = (float) params[l2 + b];
          }
        }
        case 1 -> {
          for (int b = 0; b < dim; b++) {
            out[o + b] = (float) params[l1 + b];
          }
        }
        default -> {
          for (int b = 0; b < dim; b++) {
            out[o + b] = (float) (params[l1 + b] + params[l2 + b]);
          }
        }
      }
    }
    return out;
  }

  /** Values per output row for {@code model}. */
  public int outputDim(int model) {
    return model == 0 ? 2 * (dim + 1) : dim;
  }

  /**
   * Writes a checkpoint (magic, version, shape, iterations done, parameters, squared gradients,
   * CRC32 footer), atomically.
   */
  public void writeCheckpoint(Path path) throws IOException {
    AtomicFiles.write(path, os -> {
      CRC32 crc = new CRC32();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(os, crc));
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(vocabSize);
      out.writeInt(dim);
      out.writeInt(iterationsDone);
      writeDoubles(out, params);
      writeDoubles(out, gradsq);
      out.flush();
      new DataOutputStream(os).writeLong(crc.getValue());
    });
  }

  /**
   * Reads a checkpoint written by {@link #writeCheckpoint(Path)}.
   *
   * @throws IOException naming the file for a wrong magic, version, truncation or CRC mismatch
   */
  public static GloveModel readCheckpoint(Path path) throws IOException {
    try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      CRC32 crc = new CRC32();
      DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
      try {
        long magic = in.readLong();
        if (magic != MAGIC) {
          throw new IOException("not an embdiff GloVe checkpoint (magic " + Long.toHexString(magic) + ", expected "
              + Long.toHexString(MAGIC) + "): " + path);
        }
        int version = in.readInt();
        if (version < VERSION) {
          throw new IOException("checkpoint version " + version + " is too old (this embdiff reads " + VERSION + "): " + path);
        }
        if (version > VERSION) {
          throw new IOException("checkpoint version " + version + " is too new (this embdiff reads " + VERSION
              + "; upgrade embdiff): " + path);
        }
        int v = in.readInt();
        int d = in.readInt();
        int done = in.readInt();
        long n = 2L * v * (d + 1);
        if (v < 1 || d < 1 || n > Integer.MAX_VALUE) {
          throw new IOException("corrupt checkpoint header (" + v + " words, dim " + d + "): " + path);
        }
        double[] p = readDoubles(in, (int) n);
        double[] g = readDoubles(in, (int) n);
        long expected = crc.getValue();
        long stored = new DataInputStream(raw).readLong();
        if (stored != expected) {
          throw new IOException("checkpoint CRC mismatch (stored " + Long.toHexString(stored) + ", computed "
              + Long.toHexString(expected) + "): " + path + " is corrupt");
        }
        return new GloveModel(v, d, p, g, done);
      } catch (java.io.EOFException e) {
        throw new IOException("truncated checkpoint: " + path, e);
      }
    }
  }

  private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (double f : a) {
      if (!bb.hasRemaining()) {
        out.write(bb.array(), 0, bb.position());
        bb.clear();
      }
      bb.putDouble(f);
    }
    out.write(bb.array(), 0, bb.position());
  }

  private static double[] readDoubles(DataInputStream in, int n) throws IOException {
    double[] a = new double[n];
    byte[] buf = new byte[1 << 16];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    int i = 0;
    while (i < n) {
      int want = Math.min(buf.length, (n - i) * 8);
      in.readFully(buf, 0, want);
      bb.clear();
      for (int k = 0; k < want / 8; k++) {
        a[i++] = bb.getDouble();
      }
    }
    return a;
  }
}
