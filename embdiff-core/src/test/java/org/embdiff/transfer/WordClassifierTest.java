package org.embdiff.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordClassifierTest {
  private static final double TIGHT = 1e-7;

  /** n rows of dim Gaussian features whose mean depends on the class (class c shifts feature c % dim by separation). */
  private record Data(float[] rows, int[] labels) {}

  private static Data gaussian(Random random, int n, int dim, int classes, double separation) {
    float[] rows = new float[n * dim];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(classes);
      labels[i] = c;
      for (int j = 0; j < dim; j++) {
        rows[i * dim + j] = (float) (random.nextGaussian() * (1 + 0.3 * j) + 2 + (j == c % dim ? separation : 0));
      }
    }
    return new Data(rows, labels);
  }

  @Test
  void twoClassesEqualLiblinearsBinaryModelWithDoubledCAndAFreeBias() {
    // softmax with both columns penalised equals binary logistic regression on w1 - w0 with C doubled
    Data d = gaussian(new Random(3), 400, 7, 2, 1.0);
    double c = 0.05;
    WordClassifier mine = WordClassifier.train(d.rows(), 7, d.labels(), 2, c, TIGHT);
    double[] mean = new double[7];
    double[] scale = new double[7];
    for (int i = 0; i < 400; i++) {
      for (int j = 0; j < 7; j++) {
        mean[j] += d.rows()[i * 7 + j] / 400.0;
      }
    }
    for (int i = 0; i < 400; i++) {
      for (int j = 0; j < 7; j++) {
        scale[j] += Math.pow(d.rows()[i * 7 + j] - mean[j], 2) / 399.0;
      }
    }
    Problem problem = new Problem();
    problem.l = 400;
    problem.n = 8;
    problem.bias = 1;
    problem.x = new Feature[400][];
    problem.y = new double[400];
    for (int i = 0; i < 400; i++) {
      problem.x[i] = features(d.rows(), i * 7, mean, scale);
      problem.y[i] = d.labels()[i];
    }
    Linear.disableDebugOutput();
    Parameter parameter = new Parameter(SolverType.L2R_LR, 2 * c, 1e-10);
    parameter.setRegularizeBias(false);
    Model reference = Linear.train(problem, parameter);
    int positive = reference.getLabels()[0];
    Data probe = gaussian(new Random(4), 50, 7, 2, 1.0);
    double[] p = new double[2];
    double[] q = new double[2];
    for (int i = 0; i < 50; i++) {
      mine.predict(probe.rows(), i * 7, p);
      Linear.predictProbability(reference, features(probe.rows(), i * 7, mean, scale), q);
      assertThat(p[positive]).as("probe %d", i).isCloseTo(q[0], within(2e-4));
    }
  }

  private static Feature[] features(float[] rows, int offset, double[] mean, double[] variance) {
    Feature[] x = new Feature[8];
    for (int j = 0; j < 7; j++) {
      x[j] = new FeatureNode(j + 1, (rows[offset + j] - mean[j]) / Math.sqrt(variance[j]));
    }
    x[7] = new FeatureNode(8, 1.0);
    return x;
  }

  @Test
  void atTheOptimumTheFreeInterceptsMatchPredictedAndObservedClassCounts() {
    // the gradient in intercept k is sum_i (p_ik - [y_i = k]) / n, zero at the optimum
    Data d = gaussian(new Random(5), 600, 12, 5, 1.5);
    WordClassifier model = WordClassifier.train(d.rows(), 12, d.labels(), 5, 1.0, TIGHT);
    double[] predicted = new double[5];
    int[] observed = new int[5];
    double[] p = new double[5];
    for (int i = 0; i < 600; i++) {
      model.predict(d.rows(), i * 12, p);
      for (int k = 0; k < 5; k++) {
        predicted[k] += p[k];
      }
      observed[d.labels()[i]]++;
    }
    for (int k = 0; k < 5; k++) {
      assertThat(predicted[k]).as("class %d", k).isCloseTo(observed[k], within(0.05));
    }
  }

  @Test
  void aWarmStartReachesTheSameOptimumInFewerSteps() {
    Data d = gaussian(new Random(6), 800, 20, 6, 1.0);
    WordClassifier cold = WordClassifier.train(d.rows(), 20, d.labels(), 6, 0.5, 1e-6);
    float[] part = java.util.Arrays.copyOf(d.rows(), 700 * 20);
    int[] partLabels = java.util.Arrays.copyOf(d.labels(), 700);
    WordClassifier nearby = WordClassifier.train(part, 20, partLabels, 6, 0.5, 1e-6);
    WordClassifier warm = WordClassifier.train(d.rows(), 20, d.labels(), 6, 0.5, 1e-6, nearby);
    assertThat(warm.iterations()).isLessThan(cold.iterations());
    double[] a = new double[6];
    double[] b = new double[6];
    for (int i = 0; i < 800; i += 7) {
      cold.predict(d.rows(), i * 20, a);
      warm.predict(d.rows(), i * 20, b);
      for (int k = 0; k < 6; k++) {
        assertThat(b[k]).isCloseTo(a[k], within(1e-3));
      }
    }
  }

  @Test
  void classesAbsentFromTrainingGetProbabilityZero() {
    Data d = gaussian(new Random(7), 300, 5, 3, 2.0);
    int[] labels = d.labels().clone();
    for (int i = 0; i < labels.length; i++) {
      // class 1 never occurs; classes 0, 2, 3 do
      labels[i] = labels[i] == 1 ? 3 : labels[i];
    }
    WordClassifier model = WordClassifier.train(d.rows(), 5, labels, 4, 1.0, 1e-4);
    double[] p = new double[4];
    int best = model.predict(d.rows(), 0, p);
    assertThat(p[1]).isZero();
    assertThat(p[0] + p[2] + p[3]).isCloseTo(1.0, within(1e-9));
    assertThat(best).isNotEqualTo(1);
  }

  @Test
  void crossValidationPrefersStrongRegularisationForNoiseAndWeakForSignal() {
    Random random = new Random(8);
    Data noise = gaussian(random, 600, 10, 3, 0.0);
    Data signal = gaussian(random, 600, 10, 3, 3.0);
    double[] grid = {0.001, 0.01, 0.1, 1, 10};
    WordClassifier.CChoice forNoise = WordClassifier.chooseC(noise.rows(), 10, noise.labels(), 3, grid, 3, 1, 1e-4);
    WordClassifier.CChoice forSignal = WordClassifier.chooseC(signal.rows(), 10, signal.labels(), 3, grid, 3, 1, 1e-4);
    assertThat(forNoise.c()).isLessThanOrEqualTo(0.01);
    assertThat(forSignal.c()).isGreaterThanOrEqualTo(1);
    // labels without signal: no candidate beats the class prior's loss, log 3, by much
    assertThat(forNoise.meanLoss()[0]).isCloseTo(Math.log(3), within(0.02));
  }
}
