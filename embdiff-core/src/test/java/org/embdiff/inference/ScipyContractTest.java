package org.embdiff.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract tests against tables computed once by scipy/numpy ({@code make_tables.py} beside the
 * tables; versions in each table's first line).
 */
class ScipyContractTest {

  @Test
  void normalCdfSurvivalAndDensityMatchScipyToRelative1e13() throws IOException {
    for (double[] r : table("normal_cdf.tsv")) {
      assertRelative(Normal.cdf(r[0]), r[1], 1e-13, "cdf(" + r[0] + ")");
      assertRelative(Normal.survival(r[0]), r[2], 1e-13, "sf(" + r[0] + ")");
      assertRelative(Normal.density(r[0]), r[3], 1e-13, "pdf(" + r[0] + ")");
    }
  }

  @Test
  void normalQuantileMatchesScipyToRelative1e13() throws IOException {
    for (double[] r : table("normal_ppf.tsv")) {
      assertThat(Normal.quantile(r[0])).as("ppf(%s)", r[0]).isCloseTo(r[1], within(1e-13 * Math.max(1, Math.abs(r[1]))));
    }
  }

  @Test
  void studentTCdfAndDensityMatchScipyToRelative1e11() throws IOException {
    for (double[] r : table("t_cdf.tsv")) {
      assertRelative(StudentT.cdf(r[1], r[0]), r[2], 1e-11, "t.cdf(" + r[1] + ", df " + r[0] + ")");
      assertRelative(StudentT.density(r[1], r[0]), r[3], 1e-11, "t.pdf(" + r[1] + ", df " + r[0] + ")");
    }
  }

  @Test
  void studentTQuantileMatchesScipyToRelative1e10() throws IOException {
    for (double[] r : table("t_ppf.tsv")) {
      assertRelative(StudentT.quantile(r[1], r[0]), r[2], 1e-10, "t.ppf(" + r[1] + ", df " + r[0] + ")");
    }
  }

  @Test
  void quantilesAreNumpysDefaultHyndmanFanType7() throws IOException {
    List<double[][]> samples = samples("quantile_samples.tsv");
    for (double[] r : table("quantiles.tsv")) {
      assertThat(Quantiles.of(samples.get((int) r[0])[0], r[1])).as("sample %d p %s", (int) r[0], r[1])
          .isCloseTo(r[2], within(1e-12 * Math.max(1, Math.abs(r[2]))));
    }
  }

  @Test
  void pearsonAndSpearmanWithPValuesMatchScipy() throws IOException {
    List<double[][]> pairs = samples("correlation_samples.tsv");
    for (double[] r : table("correlations.tsv")) {
      double[][] xy = pairs.get((int) r[0]);
      double pearson = Correlation.pearson(xy[0], xy[1]);
      double spearman = Correlation.spearman(xy[0], xy[1]);
      assertThat(pearson).as("pearson %d", (int) r[0]).isCloseTo(r[1], within(1e-12));
      // r within 1e-7 of -1 in pair 3: p inherits the rounding of 1 - |r|
      assertRelative(Correlation.pValue(pearson, xy[0].length), r[2], 1e-8, "pearson p " + (int) r[0]);
      assertThat(spearman).as("spearman %d", (int) r[0]).isCloseTo(r[3], within(1e-12));
      assertRelative(Correlation.pValue(spearman, xy[0].length), r[4], 1e-9, "spearman p " + (int) r[0]);
    }
  }

  @Test
  void divergencesMatchScipyEntropyAndJensenShannon() throws IOException {
    List<double[][]> pairs = samples("divergence_samples.tsv");
    for (double[] r : table("divergences.tsv")) {
      double[][] pq = pairs.get((int) r[0]);
      assertThat(Divergence.jensenShannonBits(pq[0], pq[1])).as("js %d", (int) r[0]).isCloseTo(r[2], within(1e-12));
      assertRelative(Divergence.klBits(pq[0], pq[1], r[1]), r[3], 1e-11, "kl " + (int) r[0] + " lambda " + r[1]);
      assertRelative(Divergence.entropyBits(pq[0]), r[4], 1e-12, "entropy " + (int) r[0]);
    }
  }

  @Test
  void holmAndBenjaminiHochbergMatchTheClosedFormAndScipy() throws IOException {
    List<double[]> rows = table("multiple_comparisons.tsv");
    for (int family = 0; family <= 2; family++) {
      int f = family;
      List<double[]> fam = rows.stream().filter(r -> r[0] == f).toList();
      double[] p = fam.stream().mapToDouble(r -> r[1]).toArray();
      double[] holm = MultipleComparisons.holm(p);
      double[] bh = MultipleComparisons.benjaminiHochberg(p);
      for (int i = 0; i < p.length; i++) {
        assertThat(holm[i]).as("holm family %d #%d", f, i).isCloseTo(fam.get(i)[2], within(1e-15));
        assertThat(bh[i]).as("bh family %d #%d", f, i).isCloseTo(fam.get(i)[3], within(1e-15));
      }
    }
  }

  @Test
  void bcaOnScipysReplicatesGivesScipysInterval() throws IOException {
    List<String> lines = lines("bca.tsv");
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      String[] head = lines.get(i).split("\t");
      if (!head[0].equals("case")) {
        continue;
      }
      String statistic = head[2];
      double level = Double.parseDouble(head[3]);
      double low = Double.parseDouble(head[4]);
      double high = Double.parseDouble(head[5]);
      int nSamples = Integer.parseInt(head[6]);
      double[][] data = new double[nSamples][];
      for (int s = 0; s < nSamples; s++) {
        data[s] = numbers(lines.get(i + 1 + s).split("\t")[1]);
      }
      double[] replicates = numbers(lines.get(i + 1 + nSamples).split("\t")[1]);
      double[] pooled = nSamples == 1 ? data[0] : concat(data[0], data[1]);
      ResamplingUnits units = nSamples == 1 ? ResamplingUnits.independent(pooled.length, "values")
          : ResamplingUnits.twoSamples(data[0].length, data[1].length, "values");
      Statistic stat = switch (statistic) {
        case "mean" -> Bootstrap.meanOf(pooled);
        case "median" -> items -> Quantiles.median(Arrays.stream(items).mapToDouble(k -> pooled[k]).toArray());
        case "mean_difference" -> {
          int na = data[0].length;
          yield items -> {
            double[] m = new double[4];
            for (int k : items) {
              m[k < na ? 0 : 2] += pooled[k];
              m[k < na ? 1 : 3]++;
            }
            return m[0] / m[1] - m[2] / m[3];
          };
        }
        default -> throw new AssertionError(statistic);
      };
      double estimate = stat.of(units.all());
      Interval bca = Bootstrap.bcaFromReplicates(estimate, replicates, Bootstrap.jackknife(units, stat), level, "BCa");
      assertThat(bca.lower()).as("%s lower", statistic).isCloseTo(low, within(1e-12));
      assertThat(bca.upper()).as("%s upper", statistic).isCloseTo(high, within(1e-12));
      checked++;
    }
    assertThat(checked).isEqualTo(3);
  }

  @Test
  void correctedResampledTMatchesTheClosedFormWithScipysT() throws IOException {
    List<String> rows = lines("corrected_t.tsv");
    assertThat(rows).hasSize(2);
    for (String row : rows) {
      String[] f = row.split("\t");
      CorrectedResampledT test = CorrectedResampledT.of(numbers(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
          0.95);
      assertRelative(test.t(), Double.parseDouble(f[3]), 1e-12, "t");
      assertRelative(test.p(), Double.parseDouble(f[4]), 1e-10, "p");
      assertThat(test.interval().lower()).isCloseTo(Double.parseDouble(f[5]), within(1e-13));
      assertThat(test.interval().upper()).isCloseTo(Double.parseDouble(f[6]), within(1e-13));
    }
  }

  private static void assertRelative(double actual, double expected, double tolerance, String what) {
    if (Double.isInfinite(expected)) {
      assertThat(actual).as(what).isEqualTo(expected);
      return;
    }
    // below 1e-300 scipy flushes to 0 where the value is a subnormal: compare absolutely there
    assertThat(actual).as(what).isCloseTo(expected, within(Math.max(tolerance * Math.abs(expected), 1e-300)));
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[] numbers(String spaced) {
    return Arrays.stream(spaced.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
  }

  private static List<double[]> table(String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : lines(name)) {
      rows.add(Arrays.stream(line.split("\t")).mapToDouble(Double::parseDouble).toArray());
    }
    return rows;
  }

  // lines "id<TAB>x1 x2 ...[<TAB>y1 y2 ...]": per id, the arrays
  private static List<double[][]> samples(String name) throws IOException {
    List<double[][]> out = new ArrayList<>();
    for (String line : lines(name)) {
      String[] parts = line.split("\t");
      double[][] arrays = new double[parts.length - 1][];
      for (int k = 1; k < parts.length; k++) {
        arrays[k - 1] = numbers(parts[k]);
      }
      out.add(arrays);
    }
    return out;
  }

  private static List<String> lines(String name) throws IOException {
    try (InputStream in = ScipyContractTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
      }
    }
  }
}
