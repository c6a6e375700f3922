package org.embdiff.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.embdiff.io.VectorReader;
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
 * All-pairs top-k of a space against itself (neighbour overlap, issue 5: k = 1000 over the 50,000
 * words of glove.6B.100d.top50k in under 60 s on 2 cores). One shot per iteration. {@code file}
 * names a vector file (e.g. {@code -p file=../shared/data/embeddings/glove.6B.100d.top50k.txt.gz});
 * empty means {@code rows x 100} random floats. Setup checks that no row lists itself and that
 * rows are sorted by similarity.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public abstract class AllPairsBenchmark {
  @Param({""})
  public String file;

  @Param({"50000"})
  public int rows;

  @Param({"1000"})
  public int k;

  private NearestNeighbors nn;
  private EmbeddingSpace space;

  abstract String expectedProvider();

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Kernels.requireProvider(expectedProvider());
    if (file.isEmpty()) {
      String[] words = new String[rows];
      for (int i = 0; i < rows; i++) {
        words[i] = "w" + i;
      }
      space = new EmbeddingSpace(new Vocabulary(words), 100, Kernels.gaussian(new Random(5), rows * 100));
    } else {
      space = VectorReader.load(Path.of(file)).space().head(rows);
    }
    nn = new NearestNeighbors(space);
    float[][] scores = new float[2_000][];
    int[][] small = nn.allPairsTopK(space.head(2_000), 20, space.size(), true, scores, org.embdiff.util.ProgressListener.NONE);
    for (int q = 0; q < small.length; q++) {
      for (int i = 0; i < small[q].length; i++) {
        if (small[q][i] == q || (i > 0 && scores[q][i] > scores[q][i - 1])) {
          throw new IllegalStateException("all-pairs row " + q + " is wrong at " + i);
        }
      }
    }
  }

  @Benchmark
  public int[][] allPairsTopK() {
    return nn.allPairsTopK(space, k);
  }

  /** Plain Java kernels (what JDK 17 runs). */
  @Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dembdiff.simd=off"})
  public static class Scalar extends AllPairsBenchmark {
    @Override
    String expectedProvider() {
      return "scalar";
    }
  }

  /** Vector API kernels, forced on whatever JDK runs the benchmark. */
  @Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-modules", "jdk.incubator.vector", "-Dembdiff.simd=on"})
  public static class Simd extends AllPairsBenchmark {
    @Override
    String expectedProvider() {
      return "vector-api-";
    }
  }
}
