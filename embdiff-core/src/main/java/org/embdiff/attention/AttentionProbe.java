package org.embdiff.attention;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.embdiff.attention.AttentionResult.Projection;
import org.embdiff.attention.AttentionResult.Representation;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.Interval;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.Quantiles;
import org.embdiff.inference.Tests;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Seeds;
import org.embdiff.vec.EmbeddingSpace;

/**
 * The self-attention probe (SPEC section 9): the same token sequences embedded with each side's
 * vectors, single-head attention with Q = K = E and with random orthogonal projections, in each
 * side's own dimension and in a common dimension; paired comparisons; a noise-injection control.
 */
public final class AttentionProbe {
  private static final String[] METRICS = {"normalizedEntropy", "maxWeight", "logitNorm"};
  /** Projection pairs averaged in the norm-preserving noise control (keeps it fast). */
  private static final int NORM_PRESERVING_SEEDS = 3;

  private final AttentionSettings settings;

  /** A probe with {@code settings}. */
  public AttentionProbe(AttentionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs the probe.
   *
   * @param sentences probe sentences; only tokens both sides have are kept
   * @param sentenceSource where the sentences came from, for the report
   */
  public AttentionResult run(String nameA, EmbeddingSpace a, String nameB, EmbeddingSpace b, List<ProbeSentence> sentences,
      String sentenceSource, ProgressListener progress) {
    List<ProbeSentence> used = new ArrayList<>();
    List<List<String>> tokens = new ArrayList<>();
    for (ProbeSentence s : sentences) {
      List<String> kept = new ArrayList<>();
      for (String t : ProbeSentences.tokenize(s.text())) {
        if (a.contains(t) && b.contains(t) && kept.size() < settings.maxTokens()) {
          kept.add(t);
        }
      }
      if (kept.size() >= settings.minTokens()) {
        used.add(s);
        tokens.add(kept);
      }
    }
    if (used.size() < 2) {
      throw new IllegalArgumentException("attention probe: only " + used.size() + " sentence(s) have >= "
          + settings.minTokens() + " tokens both sides know (of " + sentences.size() + "); give other sentences or vectors");
    }
    int common = Math.min(a.dim(), b.dim());
    PcaProjection pcaA = a.dim() > common ? PcaProjection.fit(a, common) : null;
    PcaProjection pcaB = b.dim() > common ? PcaProjection.fit(b, common) : null;
    String reduction = pcaA != null ? reductionText(nameA, pcaA) : pcaB != null ? reductionText(nameB, pcaB) : "none (same dimension)";

    progress.start("attention", (long) used.size() * 2 + 4L * settings.noiseScales().size(), "steps");
    List<AttentionResult.Measure> measures = new ArrayList<>();
    // values[representation][projection][metric][side][sentence]
    Map<Representation, Map<Projection, double[][][]>> values = new EnumMap<>(Representation.class);
    for (Representation r : Representation.values()) {
      Map<Projection, double[][][]> byProjection = new EnumMap<>(Projection.class);
      for (Projection p : Projection.values()) {
        byProjection.put(p, new double[METRICS.length][2][used.size()]);
      }
      values.put(r, byProjection);
    }
    List<AttentionResult.Heatmap> heatmaps = new ArrayList<>();
    Map<String, Integer> heatmapsPerSource = new java.util.HashMap<>();
    String[] names = {nameA, nameB};
    EmbeddingSpace[] spaces = {a, b};
    PcaProjection[] pcas = {pcaA, pcaB};
    Map<Integer, double[][]> projections = new java.util.HashMap<>();
    for (int si = 0; si < used.size(); si++) {
      List<String> toks = tokens.get(si);
      int n = toks.size();
      boolean keepHeatmap = heatmapsPerSource.merge(used.get(si).source(), 1, Integer::sum) <= settings.heatmaps();
      for (int side = 0; side < 2; side++) {
        EmbeddingSpace space = spaces[side];
        double[] e = embed(space, toks);
        double[] ec = pcas[side] == null ? e : pcas[side].apply(e, n);
        double[] et = commonTemperature(e, n, space.dim(), common);
        for (Representation r : Representation.values()) {
          double[] x = r == Representation.NATIVE ? e : r == Representation.COMMON_DIM ? ec : et;
          int d = r == Representation.COMMON_DIM ? common : space.dim();
          int scaleDim = r == Representation.NATIVE ? space.dim() : common;
          double[] weights = keepHeatmap && r == Representation.NATIVE ? new double[n * n] : null;
          SelfAttention.Stats id = SelfAttention.attend(x, x, n, d, scaleDim, weights);
          if (weights != null) {
            heatmaps.add(new AttentionResult.Heatmap(si, used.get(si).source(), names[side], toks, square(weights, n)));
          }
          SelfAttention.Stats orth = projected(x, n, d, scaleDim, projections);
          record(values, measures, r, Projection.IDENTITY, side, si, used.get(si).source(), n, names[side], id);
          record(values, measures, r, Projection.RANDOM_ORTHOGONAL, side, si, used.get(si).source(), n, names[side], orth);
        }
        progress.advance(1);
      }
    }
    List<AttentionResult.Comparison> comparisons = new ArrayList<>();
    long bootSeed = settings.seed();
    for (Representation r : Representation.values()) {
      for (Projection p : Projection.values()) {
        double[][][] v = values.get(r).get(p);
        for (int m = 0; m < METRICS.length; m++) {
          double[] va = v[m][0];
          double[] vb = v[m][1];
          Interval diff = ClaimRules.of(ClaimRules.pairedMean(va, vb, new Bootstrap.Settings(settings.resamples(),
              settings.level(), Bootstrap.Method.PERCENTILE), bootSeed++));
          comparisons.add(new AttentionResult.Comparison(r, p, METRICS[m], va.length, Tests.mean(va), Tests.mean(vb),
              diff, Tests.signedRank(va, vb)));
        }
      }
    }
    List<AttentionResult.NoiseCurve> noise = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      noise.add(noiseCurve(names[side], spaces[side], tokens, side, progress));
    }
    for (int side = 0; side < 2; side++) {
      noise.add(normPreservingNoiseCurve(names[side], spaces[side], tokens, side, projections, progress));
    }
    progress.finish();
    return new AttentionResult(nameA, nameB, a.dim(), b.dim(), common, reduction, sentenceSource, used.size(),
        sentences.size() - used.size(), settings, measures, comparisons, noise, heatmaps);
  }

  // rows at unit length times sqrt(common): the length of a vector with unit-variance coordinates in the common dimension
  static double[] commonTemperature(double[] e, int n, int d, int common) {
    double[] out = new double[n * d];
    double length = Math.sqrt(common);
    for (int i = 0; i < n; i++) {
      double ss = 0;
      for (int j = 0; j < d; j++) {
        ss += e[i * d + j] * e[i * d + j];
      }
      double f = ss > 0 ? length / Math.sqrt(ss) : 0;
      for (int j = 0; j < d; j++) {
        out[i * d + j] = e[i * d + j] * f;
      }
    }
    return out;
  }

  private SelfAttention.Stats projected(double[] x, int n, int d, int scaleDim, Map<Integer, double[][]> projections) {
    // the same seeds for both sides: in the common dimension both use identical (W_Q, W_K) pairs
    double[][] w2 = projections.computeIfAbsent(d, dim -> {
      double[][] out = new double[2 * settings.projectionSeeds()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = RandomOrthogonal.generate(dim, settings.seed() * 1_000_003L + i);
      }
      return out;
    });
    double h = 0;
    double w = 0;
    double norm = 0;
    for (int s = 0; s < settings.projectionSeeds(); s++) {
      SelfAttention.Stats st = SelfAttention.attend(SelfAttention.multiply(x, n, d, w2[2 * s], d),
          SelfAttention.multiply(x, n, d, w2[2 * s + 1], d), n, d, scaleDim, null);
      h += st.normalizedEntropy();
      w += st.maxWeight();
      norm += st.logitNorm();
    }
    int k = settings.projectionSeeds();
    return new SelfAttention.Stats(h / k, w / k, norm / k);
  }

  private AttentionResult.NoiseCurve noiseCurve(String name, EmbeddingSpace space, List<List<String>> tokens, int side,
      ProgressListener progress) {
    double meanNorm = 0;
    for (int r = 0; r < space.size(); r++) {
      meanNorm += space.norm(r);
    }
    meanNorm /= space.size();
    int d = space.dim();
    List<Double> scales = settings.noiseScales();
    double[][] perSentence = new double[tokens.size()][scales.size()];
    SplittableRandom random = new SplittableRandom(Seeds.derive(settings.seed(), "additive-noise", side));
    for (int k = 0; k < scales.size(); k++) {
      double sigma = scales.get(k) * meanNorm / Math.sqrt(d);
      for (int si = 0; si < tokens.size(); si++) {
        double[] e = embed(space, tokens.get(si));
        int n = tokens.get(si).size();
        double h = 0;
        for (int draw = 0; draw < settings.noiseDraws(); draw++) {
          double[] noisy = e.clone();
          for (int i = 0; i < noisy.length; i++) {
            noisy[i] += sigma * gaussian(random);
          }
          h += SelfAttention.attend(noisy, noisy, n, d, d, null).normalizedEntropy();
        }
        perSentence[si][k] = h / settings.noiseDraws();
      }
      progress.advance(1);
    }
    return curve(name, meanNorm, scales, perSentence, side, AttentionResult.NoiseCurve.ADDITIVE);
  }

  /**
   * The norm-preserving control: e' = sqrt(1 - s^2) e + s ||e|| n / ||n|| per token (noise replaces
   * signal at the same norm), Q = E'W_Q, K = E'W_K with the first few of the probe's random
   * orthogonal pairs. The same noise draws are used at every scale (common random numbers), so
   * E'W = sqrt(1 - s^2) EW + s NW is formed from products computed once.
   */
  private AttentionResult.NoiseCurve normPreservingNoiseCurve(String name, EmbeddingSpace space,
      List<List<String>> tokens, int side, Map<Integer, double[][]> projections, ProgressListener progress) {
    double meanNorm = 0;
    for (int r = 0; r < space.size(); r++) {
      meanNorm += space.norm(r);
    }
    meanNorm /= space.size();
    int d = space.dim();
    double[][] w2 = projections.computeIfAbsent(d, dim -> {
      double[][] out = new double[2 * settings.projectionSeeds()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = RandomOrthogonal.generate(dim, settings.seed() * 1_000_003L + i);
      }
      return out;
    });
    int seeds = Math.min(settings.projectionSeeds(), NORM_PRESERVING_SEEDS);
    int draws = settings.noiseDraws();
    List<Double> scales = settings.noiseScales();
    double[][] perSentence = new double[tokens.size()][scales.size()];
    SplittableRandom random = new SplittableRandom(Seeds.derive(settings.seed(), "norm-preserving-noise", side));
    for (int si = 0; si < tokens.size(); si++) {
      int n = tokens.get(si).size();
      double[] e = embed(space, tokens.get(si));
      for (int draw = 0; draw < draws; draw++) {
        double[] noise = new double[n * d];
        for (int i = 0; i < n; i++) {
          double en = 0;
          double nn = 0;
          for (int c = 0; c < d; c++) {
            double g = gaussian(random);
            noise[i * d + c] = g;
            en += e[i * d + c] * e[i * d + c];
            nn += g * g;
          }
          double f = Math.sqrt(en / nn);
          for (int c = 0; c < d; c++) {
            noise[i * d + c] *= f;
          }
        }
        for (int s = 0; s < seeds; s++) {
          double[] eq = SelfAttention.multiply(e, n, d, w2[2 * s], d);
          double[] ek = SelfAttention.multiply(e, n, d, w2[2 * s + 1], d);
          double[] nq = SelfAttention.multiply(noise, n, d, w2[2 * s], d);
          double[] nk = SelfAttention.multiply(noise, n, d, w2[2 * s + 1], d);
          double[] q = new double[n * d];
          double[] k = new double[n * d];
          for (int j = 0; j < scales.size(); j++) {
            double lambda = Math.min(1.0, scales.get(j));
            double keep = Math.sqrt(1 - lambda * lambda);
            for (int i = 0; i < q.length; i++) {
              q[i] = keep * eq[i] + lambda * nq[i];
              k[i] = keep * ek[i] + lambda * nk[i];
            }
            perSentence[si][j] += SelfAttention.attend(q, k, n, d, d, null).normalizedEntropy() / (draws * seeds);
          }
        }
      }
    }
    progress.advance(2L * scales.size());
    return curve(name, meanNorm, scales, perSentence, side, AttentionResult.NoiseCurve.NORM_PRESERVING);
  }

  /** The mean curve over sentences and the OLS slope with a percentile bootstrap over sentences. */
  private AttentionResult.NoiseCurve curve(String name, double meanNorm, List<Double> scales, double[][] perSentence,
      int side, String variant) {
    double[] x = scales.stream().mapToDouble(Double::doubleValue).toArray();
    List<Double> curve = new ArrayList<>();
    for (int k = 0; k < x.length; k++) {
      double s = 0;
      for (double[] row : perSentence) {
        s += row[k];
      }
      curve.add(s / perSentence.length);
    }
    double slope = slope(x, curve.stream().mapToDouble(Double::doubleValue).toArray());
    SplittableRandom boot = new SplittableRandom(Seeds.derive(settings.seed(), "slope-bootstrap", side,
        AttentionResult.NoiseCurve.ADDITIVE.equals(variant) ? 0 : 1));
    double[] slopes = new double[settings.resamples()];
    double[] mean = new double[x.length];
    for (int b = 0; b < slopes.length; b++) {
      java.util.Arrays.fill(mean, 0);
      for (int i = 0; i < perSentence.length; i++) {
        double[] row = perSentence[boot.nextInt(perSentence.length)];
        for (int k = 0; k < x.length; k++) {
          mean[k] += row[k] / perSentence.length;
        }
      }
      slopes[b] = slope(x, mean);
    }
    java.util.Arrays.sort(slopes);
    double alpha = (1 - settings.level()) / 2;
    Interval ci = new Interval(slope, Quantiles.of(slopes, alpha), Quantiles.of(slopes, 1 - alpha),
        settings.level(), "OLS slope of mean entropy on noise scale; percentile bootstrap over "
        + perSentence.length + " sentences, " + slopes.length + " resamples");
    return new AttentionResult.NoiseCurve(name, meanNorm, scales, curve, ci, variant);
  }

  private static void record(Map<Representation, Map<Projection, double[][][]>> values,
      List<AttentionResult.Measure> measures, Representation r, Projection p, int side, int sentence, String source,
      int n, String name, SelfAttention.Stats st) {
    double[][][] v = values.get(r).get(p);
    v[0][side][sentence] = st.normalizedEntropy();
    v[1][side][sentence] = st.maxWeight();
    v[2][side][sentence] = st.logitNorm();
    measures.add(new AttentionResult.Measure(sentence, source, n, r, p, name, st.normalizedEntropy(), st.maxWeight(),
        st.logitNorm()));
  }

  /** The tokens' vectors as an n x d double matrix. */
  static double[] embed(EmbeddingSpace space, List<String> tokens) {
    int d = space.dim();
    double[] out = new double[tokens.size() * d];
    float[] m = space.matrix();
    for (int i = 0; i < tokens.size(); i++) {
      int row = space.indexOf(tokens.get(i));
      for (int c = 0; c < d; c++) {
        out[i * d + c] = m[row * d + c];
      }
    }
    return out;
  }

  /** Least-squares slope of y on x. */
  static double slope(double[] x, double[] y) {
    double mx = Tests.mean(x);
    double my = Tests.mean(y);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller on SplittableRandom (java.util.Random#nextGaussian is synchronized and slower)
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static double[][] square(double[] w, int n) {
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = java.util.Arrays.copyOfRange(w, i * n, i * n + n);
    }
    return out;
  }

  private static String reductionText(String name, PcaProjection pca) {
    return String.format(java.util.Locale.ROOT, "PCA of %s %d -> %d dims (%.1f%% of the variance), y = x V_k",
        name, pca.sourceDim(), pca.targetDim(), 100 * pca.explainedVariance());
  }
}
