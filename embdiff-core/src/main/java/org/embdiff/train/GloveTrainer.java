package org.embdiff.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.embdiff.cooc.CrecFormatException;
import org.embdiff.cooc.CrecReader;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Workers;

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
    List<Double> costs = new ArrayList<>();
    // one thread (as inside a comparison, whose replicates are the parallel tasks) runs on the calling thread
    try (Workers pool = Workers.own(threads, "embdiff-glove")) {
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
    }
    return costs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] get(Future<double[]> f) throws IOException {
    return org.embdiff.util.Futures.await(f);
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
        cost += GloveKernel.update(w, g, (word - 1) * (d + 1), (ctx - 1 + v) * (d + 1), d, x, xMax, alpha, eta, clip,
            up1, up2);
      }
    }
    progress.advance(done & 0xFFFF);
    return new double[] {cost};
  }
}
