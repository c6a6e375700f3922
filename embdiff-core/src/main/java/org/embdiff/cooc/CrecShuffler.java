package org.embdiff.cooc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embdiff.util.AtomicFiles;
import org.embdiff.util.ProgressListener;

/**
 * Shuffles CREC records in bounded memory, as Stanford {@code shuffle}: chunks that fit the
 * memory bound are shuffled (Fisher-Yates) and written to temporary files, then equal portions of
 * all chunks are read together, shuffled again and written. Deterministic for a seed.
 */
public final class CrecShuffler {
  private CrecShuffler() {}

  /** Shuffled chunks are named {@code .embdiff-shuffle.PID.RANDOM.crec}. */
  private static final String CHUNK_NAME = "embdiff-shuffle";

  /**
   * Shuffles {@code in} into {@code out} (atomically) holding at most about {@code memoryBytes} of
   * records; returns the number of records.
   */
  public static long shuffle(Path in, Path out, long memoryBytes, long seed, Path tempDir, ProgressListener progress)
      throws IOException {
    long n = CrecReader.recordCount(in);
    int chunk = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 64L, memoryBytes / 16));
    SplittableRandom rnd = new SplittableRandom(seed);
    Records buf = new Records((int) Math.min(chunk, Math.max(1, n)));
    progress.start("shuffling " + in.getFileName(), 2 * n, "records");
    List<Path> temps = new ArrayList<>();
    try {
      if (n <= chunk) {
        try (CrecReader r = CrecReader.open(in)) {
          buf.fill(r, (int) n);
        }
        buf.shuffle(rnd);
        progress.advance(n);
        AtomicFiles.write(out, os -> buf.writeTo(os));
        progress.advance(n);
        return n;
      }
      Path dir = tempDir != null ? tempDir : out.toAbsolutePath().getParent();
      AtomicFiles.removeStale(dir, CHUNK_NAME); // chunks a killed process left behind
      try (CrecReader r = CrecReader.open(in)) {
        long left = n;
        while (left > 0) {
          int m = (int) Math.min(chunk, left);
          buf.fill(r, m);
          buf.shuffle(rnd);
          Path t = Files.createTempFile(dir, AtomicFiles.tempPrefix(Path.of(CHUNK_NAME)), ".crec");
          temps.add(t);
          try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(t), 1 << 16)) {
            buf.writeTo(os);
          }
          left -= m;
          progress.advance(m);
        }
      }
      List<CrecReader> readers = new ArrayList<>();
      try {
        for (Path t : temps) {
          readers.add(CrecReader.open(t));
        }
        int portion = Math.max(1, chunk / temps.size());
        AtomicFiles.write(out, os -> {
          while (true) {
            buf.size = 0;
            for (CrecReader r : readers) {
              buf.append(r, portion);
            }
            if (buf.size == 0) {
              break;
            }
            buf.shuffle(rnd);
            buf.writeTo(os);
            progress.advance(buf.size);
          }
        });
      } finally {
        for (CrecReader r : readers) {
          r.close();
        }
      }
      return n;
    } finally {
      for (Path t : temps) {
        CooccurrenceCounter.deleteQuietly(t);
      }
      progress.finish();
    }
  }

  /** Records in parallel arrays. */
  private static final class Records {
    final int[] w;
    final int[] c;
    final double[] v;
    int size;

    Records(int cap) {
      w = new int[cap];
      c = new int[cap];
      v = new double[cap];
    }

    void fill(CrecReader r, int m) throws IOException {
      size = 0;
      append(r, m);
    }

    void append(CrecReader r, int m) throws IOException {
      for (int i = 0; i < m && size < w.length && r.next(); i++) {
        w[size] = r.word();
        c[size] = r.context();
        v[size] = r.value();
        size++;
      }
    }

    void shuffle(SplittableRandom rnd) {
      for (int i = size - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int ti = w[i];
        w[i] = w[j];
        w[j] = ti;
        ti = c[i];
        c[i] = c[j];
        c[j] = ti;
        double tv = v[i];
        v[i] = v[j];
        v[j] = tv;
      }
    }

    void writeTo(OutputStream os) throws IOException {
      try (CrecWriter wr = new CrecWriter(os)) {
        for (int i = 0; i < size; i++) {
          wr.write(w[i], c[i], v[i]);
        }
      }
    }
  }
}
