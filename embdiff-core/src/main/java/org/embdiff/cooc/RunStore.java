package org.embdiff.cooc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorted runs of summed sparse pairs: kept in memory up to a byte budget, beyond it written to
 * temporary CREC files (deleted by {@link #deleteAll()}). Thread-safe.
 */
final class RunStore {
  /** A sorted stream of (pair key, value). */
  interface Cursor extends AutoCloseable {
    boolean advance() throws IOException;

    long key();

    double value();

    @Override
    void close() throws IOException;
  }

  private final long budget;
  private final Path tempDir;
  private final int idBits;
  private final List<long[]> memPairs = new ArrayList<>();
  private final List<double[]> memVals = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();
  private long memBytes;
  private int runs;

  RunStore(long budget, Path tempDir, int idBits) {
    this.budget = budget;
    this.tempDir = tempDir;
    this.idBits = idBits;
  }

  /** Spilled runs are named {@code .embdiff-cooc-run.PID.RANDOM.crec}. */
  private static final String SPILL_NAME = "embdiff-cooc-run";

  synchronized void add(long[] pairs, double[] vals) throws IOException {
    runs++;
    long bytes = 16L * pairs.length;
    if (memBytes + bytes <= budget) {
      memPairs.add(pairs);
      memVals.add(vals);
      memBytes += bytes;
      return;
    }
    Path dir = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(dir);
    if (files.isEmpty()) {
      org.embdiff.util.AtomicFiles.removeStale(dir, SPILL_NAME); // runs a killed process left behind
    }
    Path f = Files.createTempFile(dir, org.embdiff.util.AtomicFiles.tempPrefix(Path.of(SPILL_NAME)), ".crec");
    files.add(f);
    long mask = (1L << idBits) - 1;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16);
        CrecWriter w = new CrecWriter(os)) {
      for (int i = 0; i < pairs.length; i++) {
        w.write((int) (pairs[i] >>> idBits), (int) (pairs[i] & mask), vals[i]);
      }
    }
  }

  synchronized int runs() {
    return runs;
  }

  synchronized int spilled() {
    return files.size();
  }

  /** One cursor per run (in memory or on disk). */
  synchronized List<Cursor> cursors() throws IOException {
    List<Cursor> out = new ArrayList<>();
    for (int i = 0; i < memPairs.size(); i++) {
      long[] p = memPairs.get(i);
      double[] v = memVals.get(i);
      out.add(new Cursor() {
        int at = -1;

        @Override
        public boolean advance() {
          return ++at < p.length;
        }

        @Override
        public long key() {
          return p[at];
        }

        @Override
        public double value() {
          return v[at];
        }

        @Override
        public void close() {}
      });
    }
    for (Path f : files) {
      CrecReader r = CrecReader.open(f);
      out.add(new Cursor() {
        @Override
        public boolean advance() throws IOException {
          return r.next();
        }

        @Override
        public long key() {
          return ((long) r.word() << idBits) | r.context();
        }

        @Override
        public double value() {
          return r.value();
        }

        @Override
        public void close() throws IOException {
          r.close();
        }
      });
    }
    return out;
  }

  synchronized void deleteAll() {
    for (Path f : files) {
      CooccurrenceCounter.deleteQuietly(f);
    }
    files.clear();
    memPairs.clear();
    memVals.clear();
  }
}
