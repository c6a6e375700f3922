package org.embdiff.bench;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
import org.embdiff.vec.VectorUtil;
import org.embdiff.vec.Vocabulary;

/**
 * Whole-call throughput of the neighbour kernels in a fresh JVM, first call (JIT included) and
 * warm, as wall time, process CPU time and GFLOP/s (2 x queries x rows x dim flops of dot
 * products; selection included in the time): the numbers {@code scripts/kernels_vs_numpy.sh}
 * sets beside numpy's float32 sgemm on the same shapes. Usage: {@code java -cp benchmarks.jar
 * --add-modules jdk.incubator.vector org.embdiff.bench.KernelThroughput search|allpairs ROWS DIM QUERIES K REPS}.
 */
public final class KernelThroughput {
  private KernelThroughput() {}

  public static void main(String[] args) {
    String what = args[0];
    int rows = Integer.parseInt(args[1]), dim = Integer.parseInt(args[2]);
    // all-pairs: every row is a query (its own row excluded)
    int queries = what.equals("allpairs") ? rows : Integer.parseInt(args[3]);
    int k = Integer.parseInt(args[4]), reps = Integer.parseInt(args[5]);
    Random random = new Random(7);
    String[] words = new String[rows];
    for (int i = 0; i < rows; i++) {
      words[i] = "w" + i;
    }
    EmbeddingSpace space = new EmbeddingSpace(new Vocabulary(words), dim, Kernels.gaussian(random, rows * dim));
    float[][] q = new float[queries][];
    for (int i = 0; i < queries; i++) {
      q[i] = Kernels.gaussian(random, dim);
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double flops = 2.0 * queries * rows * dim;
    for (int rep = 0; rep < reps; rep++) {
      long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
      NearestNeighbors nn = new NearestNeighbors(space);
      int[][] result = what.equals("allpairs")
          ? nn.allPairsTopK(space, k, rows, true, null, ProgressListener.NONE)
          : nn.searchRows(q, null, k, rows, null);
      double wall = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
      if (result.length != queries) {
        throw new IllegalStateException("got " + result.length + " lists for " + queries + " queries");
      }
      System.out.printf(java.util.Locale.ROOT, "embdiff %s %s rep %d: %.3f s wall, %.3f s cpu, %.0f queries/s, %.1f GFLOP/s wall, %.1f GFLOP per cpu-second%n",
          what, VectorUtil.providerName(), rep, wall, cpu, queries / wall, flops / wall / 1e9, flops / cpu / 1e9);
    }
  }
}
