package org.embdiff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.embdiff.io.MappedEmbeddings;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorWriter;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Open an embdiff cache and make the first lookup: {@code MappedEmbeddings.open}, {@code indexOf}
 * of one word, {@code copyRow} of its vector. {@link Cold} measures the first call in a fresh JVM
 * (single shot, one fork per sample: class loading and the mapping are part of it), {@link Warm}
 * the steady state. The cache ({@code rows} x {@code dim}, Gaussian values, words {@code w0..})
 * is written once to the temp folder and reused; the page cache is warm (the file was just written
 * or read), as for a cache that is reopened.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class CacheOpenBenchmark {
  @Param({"400000"})
  public int rows;

  @Param({"100"})
  public int dim;

  private Path cache;
  private String word;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    cache = Path.of(System.getProperty("java.io.tmpdir"), "embdiff-bench-cache-" + rows + "x" + dim + ".emb");
    if (!Files.isRegularFile(cache)) {
      String[] words = new String[rows];
      for (int r = 0; r < rows; r++) {
        words[r] = "w" + r;
      }
      float[] matrix = Kernels.gaussian(new Random(7), rows * dim);
      Path tmp = Files.createTempFile(cache.getParent(), "embdiff-bench-cache", ".emb");
      VectorWriter.write(new EmbeddingSpace(new Vocabulary(words), dim, matrix), tmp, VectorFormat.EMBDIFF_BINARY);
      Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    word = "w" + (rows * 7L / 10);
    // read the file once, so the page cache holds it in every fork
    try (var in = Files.newInputStream(cache)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  /** Opens, looks up, copies one row; returns the row so nothing is dead code. */
  float[] openAndLookUp() throws IOException {
    MappedEmbeddings mapped = MappedEmbeddings.open(cache, false);
    int row = mapped.indexOf(word);
    if (row < 0) {
      throw new IllegalStateException(word + " not found in " + cache);
    }
    float[] v = new float[mapped.dim()];
    mapped.copyRow(row, v, 0);
    return v;
  }

  /** The first open-and-lookup of a fresh JVM: one shot per fork, 20 forks. */
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(20)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public static class Cold extends CacheOpenBenchmark {
    @Benchmark
    public float[] openToFirstLookup() throws IOException {
      return openAndLookUp();
    }
  }

  /**
   * {@link Cold} with the launcher's {@code -Djdk.reflect.useNativeAccessorOnly=true}: on JDK 18+
   * the first {@code FileChannel.map} creates its buffer through a reflective constructor, and core
   * reflection by method handles (JEP 416) spins its classes on that first call (~100-250 ms on
   * JDK 25 under load); the native accessor does not.
   */
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(value = 20, jvmArgsAppend = "-Djdk.reflect.useNativeAccessorOnly=true")
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public static class ColdNativeAccessor extends CacheOpenBenchmark {
    @Benchmark
    public float[] openToFirstLookup() throws IOException {
      return openAndLookUp();
    }
  }

  /** Steady state: the same call after warm-up. */
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public static class Warm extends CacheOpenBenchmark {
    @Benchmark
    public float[] openToFirstLookup() throws IOException {
      return openAndLookUp();
    }
  }
}
