package org.embdiff.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
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
 * Batched top-k cosine neighbours, all threads: {@code queries} random query vectors against a
 * random {@code rows x dim} space (the 400,000 x 100 case is the size of issue 2's gensim target).
 * One call is {@code 2 x queries x rows x dim} flops of dot products plus selection. Setup checks
 * 3 queries against a brute-force double-precision search.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public abstract class NeighborsBenchmark {
  @Param({"50003", "400000"})
  public int rows;

  @Param({"100"})
  public int dim;

  @Param({"1000"})
  public int queries;

  @Param({"10"})
  public int k;

  private NearestNeighbors nn;
  private float[][] queryVectors;

  abstract String expectedProvider();

  @Setup(Level.Trial)
  public void setup() {
    Kernels.requireProvider(expectedProvider());
    Random random = new Random(7);
    String[] words = new String[rows];
    for (int i = 0; i < rows; i++) {
      words[i] = "w" + i;
    }
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), dim, Kernels.gaussian(random, rows * dim));
    nn = new NearestNeighbors(space);
    queryVectors = new float[queries][];
    for (int q = 0; q < queries; q++) {
      queryVectors[q] = Kernels.gaussian(random, dim);
    }
    int[][] got = nn.searchRows(Arrays.copyOf(queryVectors, 3), null, k, rows, null);
    EmbeddingSpace unit = nn.space();
    for (int q = 0; q < 3; q++) {
      int[] expected = bruteForce(unit, queryVectors[q], k);
      if (!Arrays.equals(got[q], expected)) {
        throw new IllegalStateException("query " + q + ": got " + Arrays.toString(got[q]) + ", expected " + Arrays.toString(expected));
      }
    }
  }

  private static int[] bruteForce(EmbeddingSpace unit, float[] query, int k) {
    float[] m = unit.matrix();
    int dim = unit.dim();
    double norm = Math.sqrt(Kernels.dotReference(query, 0, query, 0, dim));
    double[] scores = new double[unit.size()];
    for (int r = 0; r < unit.size(); r++) {
      scores[r] = Kernels.dotReference(query, 0, m, r * dim, dim) / norm;
    }
    return java.util.stream.IntStream.range(0, unit.size()).boxed()
        .sorted((a, b) -> Double.compare(scores[b], scores[a])).limit(k).mapToInt(Integer::intValue).toArray();
  }

  @Benchmark
  public int[][] topK() {
    return nn.searchRows(queryVectors, null, k, rows, null);
  }

  /** Plain Java kernels (what JDK 17 runs). */
  @Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dembdiff.simd=off"})
  public static class Scalar extends NeighborsBenchmark {
    @Override
    String expectedProvider() {
      return "scalar";
    }
  }

  /** Vector API kernels, forced on whatever JDK runs the benchmark. */
  @Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-modules", "jdk.incubator.vector", "-Dembdiff.simd=on"})
  public static class Simd extends NeighborsBenchmark {
    @Override
    String expectedProvider() {
      return "vector-api-";
    }
  }
}
