package org.embdiff.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes large random vector files fast, for the memory tests: GloVe text with each value drawn from a
 * pool of pre-formatted 5-decimal numbers (as glove.twitter.27B writes them), rows copied into 4 MB
 * chunks (2 GB in about 25 s on a loaded core).
 */
final class BigVectors {
  private BigVectors() {}

  /** {@code rows} x {@code dim} GloVe text: words {@code w0, w1, ...}, values uniform in (-1, 1). */
  static void gloveText(Path file, int rows, int dim, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] pool = new byte[4096][];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = String.format(Locale.ROOT, " %.5f", random.nextDouble(-1, 1)).getBytes(StandardCharsets.US_ASCII);
    }
    byte[] line = new byte[32 + dim * 16];
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] chunk = new byte[1 << 22];
      int used = 0;
      for (int r = 0; r < rows; r++) {
        byte[] word = ("w" + r).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(word, 0, line, 0, word.length);
        int n = word.length;
        for (int d = 0; d < dim; d++) {
          byte[] v = pool[random.nextInt(pool.length)];
          System.arraycopy(v, 0, line, n, v.length);
          n += v.length;
        }
        line[n++] = '\n';
        if (used + n > chunk.length) {
          out.write(chunk, 0, used);
          used = 0;
        }
        System.arraycopy(line, 0, chunk, used, n);
        used += n;
      }
      out.write(chunk, 0, used);
    }
  }
}
