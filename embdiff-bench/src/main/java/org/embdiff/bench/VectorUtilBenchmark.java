package org.embdiff.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.embdiff.vec.VectorUtil;
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
 * Single-thread kernels: one dot product, one cosine, and one {@code dotBlock} of 64 queries x 256
 * rows (the inner kernel of batched neighbours; 2 x 64 x 256 x size flops per call). Runs as a
 * scalar fork ({@link Scalar}) and a Vector API fork ({@link Simd}); each setup checks the kernel in
 * use and its results against a double-precision reference, so a fast wrong kernel cannot win.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class VectorUtilBenchmark {
  /** Vector length; odd sizes exercise the tails. */
  @Param({"1", "7", "25", "100", "207", "300", "1027"})
  public int size;

  private float[] a;
  private float[] b;
  private float[] queries;
  private float[] rows;
  private float[] scores;
  private float[] scratch;
  static final int BLOCK_QUERIES = 64;
  static final int BLOCK_ROWS = 256;

  /** Which kernels this fork must run ({@code "scalar"} or a {@code "vector-api-"} prefix). */
  abstract String expectedProvider();

  @Setup(Level.Trial)
  public void setup() {
    Kernels.requireProvider(expectedProvider());
    Random random = new Random(42);
    a = Kernels.gaussian(random, size);
    b = Kernels.gaussian(random, size);
    queries = Kernels.gaussian(random, BLOCK_QUERIES * size);
    rows = Kernels.gaussian(random, BLOCK_ROWS * size);
    scores = new float[BLOCK_QUERIES * BLOCK_ROWS];
    scratch = new float[BLOCK_ROWS * size];
    Kernels.check("dot", VectorUtil.dot(a, b), Kernels.dotReference(a, 0, b, 0, size), Kernels.absDot(a, 0, b, 0, size), size);
    VectorUtil.dotBlock(queries, 0, BLOCK_QUERIES, rows, 0, BLOCK_ROWS, size, scores);
    for (int q = 0; q < BLOCK_QUERIES; q++) {
      for (int r = 0; r < BLOCK_ROWS; r += 37) {
        Kernels.check("dotBlock", scores[q * BLOCK_ROWS + r], Kernels.dotReference(queries, q * size, rows, r * size, size),
            Kernels.absDot(queries, q * size, rows, r * size, size), size);
      }
    }
  }

  @Benchmark
  public float dot() {
    return VectorUtil.dot(a, b);
  }

  @Benchmark
  public float cosine() {
    return VectorUtil.cosine(a, b);
  }

  /** 64 queries x 256 rows; the scores array is the result. GFLOP/s = ops/ms x 2 x 64 x 256 x size / 1e6. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public float[] dotBlock() {
    VectorUtil.dotBlock(queries, 0, BLOCK_QUERIES, rows, 0, BLOCK_ROWS, size, scores, scratch);
    return scores;
  }

  /** Plain Java kernels (what JDK 17 runs). */
  @Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dembdiff.simd=off"})
  public static class Scalar extends VectorUtilBenchmark {
    @Override
    String expectedProvider() {
      return "scalar";
    }
  }

  /** Vector API kernels, forced on whatever JDK runs the benchmark. */
  @Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-modules", "jdk.incubator.vector", "-Dembdiff.simd=on"})
  public static class Simd extends VectorUtilBenchmark {
    @Override
    String expectedProvider() {
      return "vector-api-";
    }
  }
}
