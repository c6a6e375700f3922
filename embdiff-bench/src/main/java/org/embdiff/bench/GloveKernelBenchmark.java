package org.embdiff.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.embdiff.train.GloveKernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The GloVe training inner loop: one AdaGrad update of a word and a context row for one record,
 * over records with Zipf-distributed ids (as shuffled co-occurrence records are), so cache misses
 * are realistic. Run: {@code java -jar embdiff-bench/target/benchmarks.jar GloveKernel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GloveKernelBenchmark {
  @Param({"51", "100", "299"})
  int dim;

  @Param({"178106"})
  int vocab;

  private double[] w;
  private double[] g;
  private double[] up1;
  private double[] up2;
  private int[] l1;
  private int[] l2;
  private double[] x;
  private int next;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(1);
    int n = 2 * vocab * (dim + 1);
    w = new double[n];
    g = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = (rnd.nextDouble() - 0.5) / dim;
      g[i] = 1;
    }
    up1 = new double[dim];
    up2 = new double[dim];
    int records = 1 << 20;
    l1 = new int[records];
    l2 = new int[records];
    x = new double[records];
    for (int i = 0; i < records; i++) {
      // Zipf-like ranks: exp of a uniform log-rank
      int a = (int) Math.min(vocab - 1, Math.exp(rnd.nextDouble() * Math.log(vocab)) - 1);
      int b = (int) Math.min(vocab - 1, Math.exp(rnd.nextDouble() * Math.log(vocab)) - 1);
      l1[i] = a * (dim + 1);
      l2[i] = (vocab + b) * (dim + 1);
      x[i] = 0.1 + rnd.nextDouble() * rnd.nextDouble() * 200;
    }
    // check the kernel: repeating one record must lower its cost
    double before = GloveKernel.update(w.clone(), g.clone(), l1[0], l2[0], dim, 50, 100, 0.75, 0.05, 100, up1, up2);
    double[] wc = w.clone();
    double[] gc = g.clone();
    double c = 0;
    for (int i = 0; i < 200; i++) {
      c = GloveKernel.update(wc, gc, l1[0], l2[0], dim, 50, 100, 0.75, 0.05, 100, up1, up2);
    }
    if (!(c < before)) {
      throw new IllegalStateException("kernel does not descend: cost " + before + " -> " + c);
    }
  }

  @Benchmark
  public double update() {
    int i = next;
    next = (i + 1) & (x.length - 1);
    return GloveKernel.update(w, g, l1[i], l2[i], dim, x[i], 100, 0.75, 0.05, 100, up1, up2);
  }
}
