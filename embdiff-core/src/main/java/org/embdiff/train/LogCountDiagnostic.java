package org.embdiff.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.cooc.CrecReader;

/**
 * How well a GloVe model with biases reproduces the log counts it was fitted to (SPEC 2; the
 * model's premise, Pennington et al. 2014 eq. 7, is w_i . w~_j + b_i + b~_j = log X_ij):
 * f(X)-weighted Pearson correlation and RMS residual over all records, and per count bin.
 *
 * @param records pairs compared
 * @param weightedCorrelation f(X)-weighted Pearson correlation of prediction and log X
 * @param correlation unweighted Pearson correlation
 * @param weightedRmse sqrt(sum f (pred - log X)^2 / sum f)
 * @param bins per decade of X
 */
public record LogCountDiagnostic(
    long records, double weightedCorrelation, double correlation, double weightedRmse, List<Bin> bins) {

  /**
   * One count bin [low, high).
   *
   * @param meanResidual mean of prediction - log X (unweighted)
   * @param rmse root mean squared residual (unweighted)
   */
  public record Bin(double low, double high, long records, double correlation, double meanResidual, double rmse) {}

  /** Compares {@code model} with every record of {@code crec} (f with {@code xMax}, {@code alpha}). */
  public static LogCountDiagnostic compute(GloveModel model, Path crec, double xMax, double alpha) throws IOException {
    Acc all = new Acc();
    Acc weighted = new Acc();
    double[] edges = {0, 1, 10, 100, 1_000, 10_000, Double.POSITIVE_INFINITY};
    Acc[] bins = new Acc[edges.length - 1];
    for (int i = 0; i < bins.length; i++) {
      bins[i] = new Acc();
    }
    try (CrecReader r = CrecReader.open(crec)) {
      while (r.next()) {
        int w = r.word();
        int c = r.context();
        if (w < 1 || c < 1 || w > model.vocabSize() || c > model.vocabSize()) {
          continue;
        }
        double x = r.value();
        double y = Math.log(x);
        double p = model.predictLog(w, c);
        double f = x >= xMax ? 1 : Math.pow(x / xMax, alpha);
        all.add(p, y, 1);
        weighted.add(p, y, f);
        int b = 0;
        while (b < bins.length - 1 && x >= edges[b + 1]) {
          b++;
        }
        bins[b].add(p, y, 1);
      }
    }
    List<Bin> out = new ArrayList<>();
    for (int i = 0; i < bins.length; i++) {
      if (bins[i].n > 0) {
        out.add(new Bin(edges[i], edges[i + 1], bins[i].n, bins[i].correlation(), bins[i].meanResidual(),
            bins[i].rmse()));
      }
    }
    return new LogCountDiagnostic(all.n, weighted.correlation(), all.correlation(), weighted.rmse(), out);
  }

  /** Weighted moments of (prediction, target). */
  private static final class Acc {
    long n;
    double w;
    double sp;
    double sy;
    double spp;
    double syy;
    double spy;
    double sr;
    double srr;

    void add(double p, double y, double weight) {
      n++;
      w += weight;
      sp += weight * p;
      sy += weight * y;
      spp += weight * p * p;
      syy += weight * y * y;
      spy += weight * p * y;
      sr += weight * (p - y);
      srr += weight * (p - y) * (p - y);
    }

    double correlation() {
      double cov = spy / w - (sp / w) * (sy / w);
      double vp = spp / w - (sp / w) * (sp / w);
      double vy = syy / w - (sy / w) * (sy / w);
      return vp <= 0 || vy <= 0 ? Double.NaN : cov / Math.sqrt(vp * vy);
    }

    double meanResidual() {
      return sr / w;
    }

    double rmse() {
      return Math.sqrt(srr / w);
    }
  }
}
