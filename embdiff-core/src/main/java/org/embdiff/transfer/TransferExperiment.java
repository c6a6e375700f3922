package org.embdiff.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.embdiff.inference.Bootstrap;
import org.embdiff.inference.CorrectedResampledT;
import org.embdiff.inference.Correlation;
import org.embdiff.inference.Interval;
import org.embdiff.inference.ResamplingUnits;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;

/**
 * Cross-domain generalisation of a word classifier (SPEC section 7): train on one side's vectors,
 * test held-out words with the same side's vectors (in-domain) and with the other side's vectors
 * mapped into the training space (cross-domain); both directions; {@code splits} seeded random
 * splits, the same word splits for both directions. The map is refitted per split on the shared
 * words minus that split's test words, so no test word informs it.
 */
public final class TransferExperiment {
  private static final double MIN_PROBABILITY = 1e-15;
  /** Candidates for C when the settings leave it to cross-validation, and the inner folds. */
  private static final double[] C_GRID = {0.01, 0.1, 1, 10};
  private static final int C_FOLDS = 3;

  private final TransferSettings settings;
  private final VectorMap.Fitter fitter;
  private final int threads;

  /** An experiment with {@code settings}, mapping vectors with {@code fitter}, on one thread. */
  public TransferExperiment(TransferSettings settings, VectorMap.Fitter fitter) {
    this(settings, fitter, 1);
  }

  /** Log-loss increases below this (nats per word) are no evidence that transfer costs anything. */
  public static final double LOSS_MARGIN_NATS = 0.01;

  /**
   * An experiment that trains its splits one after the other ({@code threads} 1) or in parallel on
   * the pool of the calling thread (a comparison's bounded pool; it opens none of its own); results
   * do not depend on it (each split is seeded on its own and results are gathered in split order).
   */
  public TransferExperiment(TransferSettings settings, VectorMap.Fitter fitter, int threads) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fitter = Objects.requireNonNull(fitter, "fitter");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /**
   * Runs every task in both directions.
   *
   * @param nameA name of side A
   * @param a side A's vectors
   * @param nameB name of side B
   * @param b side B's vectors
   * @param tasks lexicons (restricted here to the words both sides have)
   * @param divergence the two sides' unigram divergence, or null when a side has no frequencies
   * @param progress receives one unit per trained split
   */
  public TransferResult run(String nameA, EmbeddingSpace a, String nameB, EmbeddingSpace b, List<Lexicon> tasks,
      DomainDivergence divergence, ProgressListener progress) {
    List<String> shared = new ArrayList<>();
    for (int r = 0; r < a.size(); r++) {
      if (b.contains(a.word(r))) {
        shared.add(a.word(r));
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("classifier: multinomial logistic regression (softmax, L2 penalty on the weights, intercepts free) fitted "
        + "by L-BFGS, features standardised on the training split; "
        + (Double.isNaN(settings.c()) ? "C chosen once per task and direction by " + C_FOLDS + "-fold CV of the log loss on "
            + "the first split's training words (grid " + java.util.Arrays.toString(C_GRID) + ")" : "C = " + settings.c())
        + "; every split's fit starts from that fit (the optimum does not depend on the start)");
    notes.add("intervals: Nadeau-Bengio corrected resampled t over " + settings.splits() + " splits of repeated " + folds()
        + "-fold cross-validation; Spearman intervals: percentile bootstrap over words");
    if (divergence == null) {
      notes.add("divergence relation skipped: a side has no frequency list or corpus");
    }
    Set<String> sharedSet = new HashSet<>(shared);
    progress.start("transfer", (long) tasks.size() * 2 * settings.splits(), "splits");
    List<TransferResult.Task> results = new ArrayList<>();
    for (Lexicon raw : tasks) {
      Lexicon lex = raw.restrictTo(sharedSet::contains).withMinClassSize(settings.minClassSize());
      List<String> classes = lex.classes();
      if (classes.size() < 2) {
        notes.add("task " + raw.task() + " skipped: fewer than 2 classes with >= " + settings.minClassSize() + " shared words");
        progress.advance(2L * settings.splits());
        continue;
      }
      String[] words = lex.labels().keySet().toArray(String[]::new);
      int[] labels = new int[words.length];
      Map<String, Integer> classCounts = new LinkedHashMap<>();
      for (String c : classes) {
        classCounts.put(c, 0);
      }
      for (int i = 0; i < words.length; i++) {
        String label = lex.labels().get(words[i]);
        labels[i] = classes.indexOf(label);
        classCounts.merge(label, 1, Integer::sum);
      }
      int[][] testSets = splits(words.length, raw.task());
      List<TransferResult.Direction> directions = List.of(
          direction(raw.task(), nameA, a, nameB, b, shared, words, labels, classes.size(), testSets, divergence, progress,
              notes),
          direction(raw.task(), nameB, b, nameA, a, shared, words, labels, classes.size(), testSets, divergence, progress,
              notes));
      results.add(new TransferResult.Task(raw.task(), raw.source(), words.length, classCounts, directions));
    }
    progress.finish();
    return new TransferResult(nameA, nameB, shared.size(), settings, divergence == null ? null : divergence.summary(),
        results, notes);
  }

  /**
   * Test-set indices of each split: repeated k-fold cross-validation with k = round(1 / testFraction)
   * (Bouckaert &amp; Frank 2004), a seeded shuffle per repetition cut into k folds, as many folds as there
   * are splits.
   */
  private int[][] splits(int n, String task) {
    int k = folds();
    int[][] out = new int[settings.splits()][];
    SplittableRandom random = new SplittableRandom(settings.seed() ^ task.hashCode());
    int[] perm = new int[n];
    for (int s = 0; s < out.length; s++) {
      int fold = s % k;
      if (fold == 0) {
        for (int i = 0; i < n; i++) {
          perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
        }
      }
      int from = (int) ((long) n * fold / k);
      int to = (int) ((long) n * (fold + 1) / k);
      out[s] = java.util.Arrays.copyOfRange(perm, from, Math.max(to, from + 1));
      java.util.Arrays.sort(out[s]);
    }
    return out;
  }

  private int folds() {
    return Math.max(2, (int) Math.round(1 / settings.testFraction()));
  }

  // Nadeau & Bengio (2003) corrected resampled t over the splits: test/train = 1 / (k - 1)
  private Interval overSplits(double[] perSplit) {
    int k = folds();
    return CorrectedResampledT.of(perSplit, 1, k - 1, settings.level()).interval();
  }

  /** One split's numbers and the per-word losses of its test words. */
  private record SplitOutcome(TransferResult.Split row, int[] test, double[] inLoss, double[] crossLoss, String map) {}

  private TransferResult.Direction direction(String task, String trainName, EmbeddingSpace train, String otherName,
      EmbeddingSpace other, List<String> shared, String[] words, int[] labels, int classes, int[][] testSets,
      DomainDivergence divergence, ProgressListener progress, List<String> notes) {
    int n = words.length;
    java.util.function.Function<Set<String>, VectorMap> maps = fitter.excluding(other, train, shared);
    TrainingRows first = trainingRows(train, words, labels, testSets[0]);
    double c = settings.c();
    if (Double.isNaN(c)) {
      WordClassifier.CChoice choice = WordClassifier.chooseC(first.rows(), train.dim(), first.labels(), classes, C_GRID,
          C_FOLDS, settings.seed() ^ task.hashCode() ^ trainName.hashCode(), settings.eps());
      c = choice.c();
      notes.add(String.format(java.util.Locale.ROOT, "task %s, trained on %s: C = %s (CV log loss %s)", task, trainName,
          c, java.util.Arrays.toString(java.util.Arrays.stream(choice.meanLoss())
              .mapToObj(v -> String.format(java.util.Locale.ROOT, "%.4f", v)).toArray())));
    }
    WordClassifier start = WordClassifier.train(first.rows(), train.dim(), first.labels(), classes, c, settings.eps());
    double chosenC = c;
    List<SplitOutcome> outcomes = new ArrayList<>();
    if (threads == 1) {
      for (int s = 0; s < testSets.length; s++) {
        outcomes.add(split(s, train, other, maps, words, labels, classes, testSets[s], chosenC, start));
        progress.advance(1);
      }
    } else {
      // a parallel stream runs on the pool of the calling task (the comparison's bounded pool), opens none
      outcomes.addAll(java.util.stream.IntStream.range(0, testSets.length).parallel().mapToObj(split -> {
        SplitOutcome o = split(split, train, other, maps, words, labels, classes, testSets[split], chosenC, start);
        progress.advance(1);
        return o;
      }).toList());
    }
    double[] crossLossSum = new double[n];
    double[] inLossSum = new double[n];
    int[] tested = new int[n];
    List<TransferResult.Split> rows = new ArrayList<>();
    for (SplitOutcome o : outcomes) {
      rows.add(o.row());
      for (int k = 0; k < o.test().length; k++) {
        int i = o.test()[k];
        inLossSum[i] += o.inLoss()[k];
        crossLossSum[i] += o.crossLoss()[k];
        tested[i]++;
      }
    }
    double[] increase = rows.stream().mapToDouble(r -> r.crossDomain().logLoss() - r.inDomain().logLoss()).toArray();
    Interval lossIncrease = overSplits(increase);
    TransferResult.DivergenceRelation relation = divergence == null ? null
        : relation(words, tested, crossLossSum, inLossSum, divergence);
    return new TransferResult.Direction(trainName, otherName, outcomes.get(0).map(),
        metrics(rows, TransferResult.Split::inDomain), metrics(rows, TransferResult.Split::crossDomain),
        metrics(rows, TransferResult.Split::majority), lossIncrease, rows, relation);
  }

  /** The training rows and labels of a split: every word not in {@code test}, in word order. */
  private record TrainingRows(float[] rows, int[] labels) {}

  private static TrainingRows trainingRows(EmbeddingSpace train, String[] words, int[] labels, int[] test) {
    int n = words.length;
    int dim = train.dim();
    boolean[] isTest = new boolean[n];
    for (int i : test) {
      isTest[i] = true;
    }
    int trainCount = n - test.length;
    float[] trainRows = new float[trainCount * dim];
    int[] trainLabels = new int[trainCount];
    for (int i = 0, t = 0; i < n; i++) {
      if (!isTest[i]) {
        train.copyRow(train.indexOf(words[i]), trainRows, t * dim);
        trainLabels[t] = labels[i];
        t++;
      }
    }
    return new TrainingRows(trainRows, trainLabels);
  }

  private SplitOutcome split(int s, EmbeddingSpace train, EmbeddingSpace other,
      java.util.function.Function<Set<String>, VectorMap> maps, String[] words, int[] labels, int classes, int[] test,
      double cost, WordClassifier start) {
    int dim = train.dim();
    Set<String> testWords = new HashSet<>();
    for (int i : test) {
      testWords.add(words[i]);
    }
    VectorMap map = maps.apply(testWords);
    TrainingRows training = trainingRows(train, words, labels, test);
    int trainCount = training.labels().length;
    int[] classFreq = new int[classes];
    for (int label : training.labels()) {
      classFreq[label]++;
    }
    WordClassifier model = WordClassifier.train(training.rows(), dim, training.labels(), classes, cost, settings.eps(), start);
    int m = test.length;
    int[] truth = new int[m];
    int[] predIn = new int[m];
    int[] predCross = new int[m];
    double[] inLoss = new double[m];
    double[] crossLoss = new double[m];
    float[] mapped = new float[dim];
    double[] p = new double[classes];
    for (int k = 0; k < m; k++) {
      int i = test[k];
      truth[k] = labels[i];
      predIn[k] = model.predict(train.matrix(), train.indexOf(words[i]) * dim, p);
      inLoss[k] = -Math.log(Math.max(MIN_PROBABILITY, p[labels[i]]));
      map.apply(other.matrix(), other.indexOf(words[i]) * other.dim(), mapped, 0);
      predCross[k] = model.predict(mapped, 0, p);
      crossLoss[k] = -Math.log(Math.max(MIN_PROBABILITY, p[labels[i]]));
    }
    int majority = 0;
    for (int c = 1; c < classes; c++) {
      if (classFreq[c] > classFreq[majority]) {
        majority = c;
      }
    }
    int[] predMajority = new int[m];
    java.util.Arrays.fill(predMajority, majority);
    double lossPrior = 0;
    for (int k = 0; k < m; k++) {
      // the prior predictor, add-one smoothed so an unseen class has finite loss
      lossPrior -= Math.log((classFreq[truth[k]] + 1.0) / (trainCount + classes));
    }
    TransferResult.Split row = new TransferResult.Split(s, trainCount, m,
        new TransferResult.Score(accuracy(truth, predIn), macroF1(truth, predIn, classes), mean(inLoss)),
        new TransferResult.Score(accuracy(truth, predCross), macroF1(truth, predCross, classes), mean(crossLoss)),
        new TransferResult.Score(accuracy(truth, predMajority), macroF1(truth, predMajority, classes), lossPrior / m));
    return new SplitOutcome(row, test, inLoss, crossLoss, map.description());
  }

  private TransferResult.Metrics metrics(List<TransferResult.Split> rows,
      java.util.function.Function<TransferResult.Split, TransferResult.Score> which) {
    double level = settings.level();
    return new TransferResult.Metrics(
        overSplits(rows.stream().mapToDouble(r -> which.apply(r).accuracy()).toArray()),
        overSplits(rows.stream().mapToDouble(r -> which.apply(r).macroF1()).toArray()),
        overSplits(rows.stream().mapToDouble(r -> which.apply(r).logLoss()).toArray()));
  }

  private TransferResult.DivergenceRelation relation(String[] words, int[] tested, double[] crossSum, double[] inSum,
      DomainDivergence divergence) {
    int count = 0;
    for (int t : tested) {
      if (t > 0) {
        count++;
      }
    }
    double[] div = new double[count];
    double[] cross = new double[count];
    double[] excess = new double[count];
    double[] in = new double[count];
    for (int i = 0, k = 0; i < words.length; i++) {
      if (tested[i] > 0) {
        div[k] = divergence.pointwise(words[i]);
        cross[k] = crossSum[i] / tested[i];
        in[k] = inSum[i] / tested[i];
        excess[k] = cross[k] - in[k];
        k++;
      }
    }
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(div[x], div[y]));
    List<TransferResult.Bin> bins = new ArrayList<>();
    int nb = Math.min(settings.bins(), count);
    for (int bIdx = 0; bIdx < nb; bIdx++) {
      int from = (int) ((long) bIdx * count / nb);
      int to = (int) ((long) (bIdx + 1) * count / nb);
      double sc = 0;
      double si = 0;
      for (int k = from; k < to; k++) {
        sc += cross[order[k]];
        si += in[order[k]];
      }
      int size = to - from;
      bins.add(new TransferResult.Bin(bIdx, size, div[order[from]], div[order[to - 1]], sc / size, si / size));
    }
    Interval rhoCross = spearman(div, cross, settings.seed());
    Interval rhoExcess = spearman(div, excess, settings.seed() + 1);
    return new TransferResult.DivergenceRelation(count, bins, rhoCross, rhoExcess);
  }

  static double accuracy(int[] truth, int[] pred) {
    int ok = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] == pred[i]) {
        ok++;
      }
    }
    return (double) ok / truth.length;
  }

  /** Macro-averaged F1 over the classes that occur in the truth or the predictions (as scikit-learn). */
  static double macroF1(int[] truth, int[] pred, int classes) {
    int[] tp = new int[classes];
    int[] fp = new int[classes];
    int[] fn = new int[classes];
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] == pred[i]) {
        tp[truth[i]]++;
      } else {
        fp[pred[i]]++;
        fn[truth[i]]++;
      }
    }
    double sum = 0;
    int present = 0;
    for (int c = 0; c < classes; c++) {
      if (tp[c] + fp[c] + fn[c] == 0) {
        continue;
      }
      present++;
      sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
    }
    return present == 0 ? 0 : sum / present;
  }

  private Interval spearman(double[] x, double[] y, long seed) {
    Bootstrap.Settings boot = new Bootstrap.Settings(Math.max(settings.resamples(), Bootstrap.MIN_RESAMPLES_95),
        settings.level(), Bootstrap.Method.PERCENTILE);
    ResamplingUnits words = ResamplingUnits.independent(x.length, "words");
    // the same resamples either way; on a pool their ranks are computed in parallel
    return threads > 1 ? Bootstrap.intervalConcurrently(words, Correlation.spearmanOfItems(x, y), boot, new SplittableRandom(seed))
        : Bootstrap.interval(words, Correlation.spearmanOfItems(x, y), boot, new SplittableRandom(seed));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }
}
