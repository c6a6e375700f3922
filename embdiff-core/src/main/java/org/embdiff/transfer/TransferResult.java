package org.embdiff.transfer;

import java.util.List;
import java.util.Map;
import org.embdiff.inference.Interval;

/**
 * The cross-domain transfer experiment on both sides: per task, per direction, metrics with
 * intervals over splits, and the relation of the cross-domain loss to the word's divergence.
 *
 * @param sideA name of side A
 * @param sideB name of side B
 * @param sharedWords words both spaces have
 * @param settings the settings used
 * @param divergence D_KL and JS of the two sides' unigram distributions, or null without frequencies
 * @param tasks one result per task
 * @param notes what was skipped or approximated, in words
 */
public record TransferResult(String sideA, String sideB, int sharedWords, TransferSettings settings,
    DomainDivergence.Summary divergence, List<Task> tasks, List<String> notes) {

  /**
   * One task.
   *
   * @param task id ("bing-liu")
   * @param source lexicon file
   * @param words labelled words both sides have (after the class-size filter)
   * @param classCounts words per class
   * @param directions train-on-A and train-on-B results
   */
  public record Task(String task, String source, int words, Map<String, Integer> classCounts, List<Direction> directions) {}

  /**
   * Training on one side and testing with both.
   *
   * @param trainSide the side whose vectors trained the classifier
   * @param otherSide the side whose vectors were mapped in for the cross-domain test
   * @param map how the other side's vectors were mapped (first split; refitted per split without
   *     that split's test words)
   * @param inDomain metrics with the training side's vectors
   * @param crossDomain metrics with the other side's mapped vectors
   * @param majority the majority-class baseline (log loss: the training class prior)
   * @param lossIncrease cross-domain minus in-domain log loss, t-interval over the paired splits
   * @param splits per-split numbers
   * @param divergenceRelation loss against pointwise divergence, or null without frequencies
   */
  public record Direction(String trainSide, String otherSide, String map, Metrics inDomain, Metrics crossDomain,
      Metrics majority, Interval lossIncrease, List<Split> splits, DivergenceRelation divergenceRelation) {}

  /** Accuracy, macro-F1 and log loss (nats), each as a t-interval over the splits. */
  public record Metrics(Interval accuracy, Interval macroF1, Interval logLoss) {}

  /** Numbers of one split. */
  public record Split(int split, int trainWords, int testWords, Score inDomain, Score crossDomain, Score majority) {}

  /** One evaluation: accuracy, macro-F1, mean log loss in nats. */
  public record Score(double accuracy, double macroF1, double logLoss) {}

  /**
   * Cross-domain loss per word (averaged over the splits that held the word out) against its
   * pointwise divergence |log2 P_A(w)/P_B(w)|.
   *
   * @param words test words with a divergence
   * @param bins equal-count quantile bins of the divergence
   * @param spearmanCrossLoss Spearman(divergence, cross-domain loss) with a bootstrap interval
   * @param spearmanExcessLoss Spearman(divergence, cross - in-domain loss) with a bootstrap interval
   */
  public record DivergenceRelation(int words, List<Bin> bins, Interval spearmanCrossLoss, Interval spearmanExcessLoss) {}

  /** One quantile bin of the pointwise divergence. */
  public record Bin(int bin, int words, double divergenceLo, double divergenceHi, double meanCrossLoss,
      double meanInLoss) {}
}
