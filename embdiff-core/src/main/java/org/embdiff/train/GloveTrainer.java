package org.embdiff.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.embdiff.cooc.CrecFormatException;
import org.embdiff.cooc.CrecReader;
import org.embdiff.util.ProgressListener;

/**
 * Trains GloVe (Pennington, Socher & Manning 2014) on CREC records: minimises
 * J = sum_ij f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2 with f(x) = min(1, (x / x_max)^alpha)
 * by AdaGrad (Duchi et al. 2011), lock-free across threads (Hogwild, Recht et al. 2011), each thread
 * taking a contiguous share of the (shuffled) records as the C tool does. The cost reported per
 * iteration is J / 2 divided by the number of records, as the C tool prints it. With one thread
 * and a seed the result is deterministic; with several, updates race by design.
 */
public final class GloveTrainer {
  /** Called after each iteration. */
  @FunctionalInterface
  public interface IterationListener {
    /** {@code iteration} (1-based, counting resumed ones) ended with {@code cost} after {@code seconds}. */
    void iterationDone(int iteration, double cost, double seconds) throws IOException;
  }

  private final GloveOptions options;

  /** A trainer with {@code options}. */
  public GloveTrainer(GloveOptions options) {
    this.options = options;
  }

  /**
   * Runs iterations {@code model.iterationsDone() + 1 .. options.iterations()} over {@code records}.
   *
   * @return the cost of each iteration run
   * @throws CrecFormatException when a record names a word outside 1..V
   */
  public double[] train(GloveModel model, Path records, IterationListener listener, ProgressListener progress)
      throws IOException {
    long n = CrecReader.recordCount(records);
    int threads = options.threads();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "embdiff-glove");
      t.setDaemon(true);
      return t;
    });
    List<Double> costs = new ArrayList<>();
    try {
      for (int it = model.iterationsDone + 1; it <= options.iterations(); it++) {
        long t0 = System.nanoTime();
        progress.start("GloVe iteration " + it + "/" + options.iterations(), n, "records");
        List<Future<double[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long from = n * t / threads;
          long to = n * (t + 1) / threads;
          futures.add(pool.submit(() -> runShare(model, records, from, to, progress)));
        }
        double cost = 0;
        for (Future<double[]> f : futures) {
          cost += get(f)[0];
        }
        progress.finish();
        cost /= Math.max(1, n);
        model.iterationsDone = it;
        costs.add(cost);
        listener.iterationDone(it, cost, (System.nanoTime() - t0) / 1e9);
      }
    } finally {
      pool.shutdownNow();
    }
    return costs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] get(Future<double[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    }
  }

  private double[] runShare(GloveModel m, Path records, long from, long to, ProgressListener progress)
      throws IOException {
    final int d = m.dim;
    final int v = m.vocabSize;
    final double[] w = m.params;
    final double[] g = m.gradsq;
    final double[] up1 = new double[d];
    final double[] up2 = new double[d];
    final double xMax = options.xMax();
    final double alpha = options.alpha();
    final double eta = options.eta();
    final double clip = options.gradClip();
    double cost = 0;
    long done = 0;
    try (CrecReader r = CrecReader.open(records, from, to)) {
      while (r.next()) {
        int word = r.word();
        int ctx = r.context();
        double x = r.value();
        if (word < 1 || ctx < 1 || word > v || ctx > v) {
          throw new CrecFormatException("record " + (from + done) + " of " + records + " names word " + word
              + " / context " + ctx + " outside 1.." + v + "; use the vocabulary the records were counted with");
        }
        if ((++done & 0xFFFF) == 0) {
          progress.advance(0x10000);
        }
        int l1 = (word - 1) * (d + 1);
        int l2 = (ctx - 1 + v) * (d + 1);
        // four independent accumulators break the add dependency chain
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int b = 0;
        for (; b + 3 < d; b += 4) {
          s0 += w[l1 + b] * w[l2 + b];
          s1 += w[l1 + b + 1] * w[l2 + b + 1];
          s2 += w[l1 + b + 2] * w[l2 + b + 2];
          s3 += w[l1 + b + 3] * w[l2 + b + 3];
        }
        for (; b < d; b++) {
          s0 += w[l1 + b] * w[l2 + b];
        }
        double diff = (s0 + s1 + s2 + s3) + w[l1 + d] + w[l2 + d] - Math.log(x);
        // f(x) = (x / x_max)^alpha below x_max, 1 above (Pennington et al. 2014, eq. 9)
        double fdiff = x > xMax ? diff : Math.pow(x / xMax, alpha) * diff;
        if (!Double.isFinite(diff) || !Double.isFinite(fdiff)) {
          continue;
        }
        cost += 0.5 * fdiff * diff;
        double sum1 = 0;
        double sum2 = 0;
        for (b = 0; b < d; b++) {
          // gradient clipped to [-clip, clip], times the learning rate (as the current C tool)
          double t1 = Math.min(Math.max(fdiff * w[l2 + b], -clip), clip) * eta;
          double t2 = Math.min(Math.max(fdiff * w[l1 + b], -clip), clip) * eta;
          // AdaGrad: step scaled by 1 / sqrt(sum of squared past steps)
          double u1 = t1 / Math.sqrt(g[l1 + b]);
          double u2 = t2 / Math.sqrt(g[l2 + b]);
          up1[b] = u1;
          up2[b] = u2;
          sum1 += u1;
          sum2 += u2;
          g[l1 + b] += t1 * t1;
          g[l2 + b] += t2 * t2;
        }
        if (Double.isFinite(sum1) && Double.isFinite(sum2)) {
          for (b = 0; b < d; b++) {
            w[l1 + b] -= up1[b];
            w[l2 + b] -= up2[b];
          }
        }
        // biases: the C tool steps them by fdiff / sqrt(gradsq) without eta
        double ub1 = fdiff / Math.sqrt(g[l1 + d]);
        double ub2 = fdiff / Math.sqrt(g[l2 + d]);
        if (Double.isFinite(ub1)) {
          w[l1 + d] -= ub1;
        }
        if (Double.isFinite(ub2)) {
          w[l2 + d] -= ub2;
        }
        g[l1 + d] += fdiff * fdiff;
        g[l2 + d] += fdiff * fdiff;
      }
    }
    progress.advance(done & 0xFFFF);
    return new double[] {cost};
  }
}
