package org.embdiff.replicate;

import org.embdiff.train.TokenCorpus;
import org.embdiff.vec.EmbeddingSpace;

/** Trains one space on a corpus with a seed; both sides and all replicates use the same trainer. */
@FunctionalInterface
public interface SpaceTrainer {
  /** Vectors trained on {@code corpus} with {@code seed}. */
  EmbeddingSpace train(TokenCorpus corpus, long seed);

  /** SGNS with {@code options} (its seed replaced by each replicate's). */
  static SpaceTrainer sgns(org.embdiff.train.SgnsOptions options) {
    return (corpus, seed) -> new org.embdiff.train.SgnsTrainer(options.withSeed(seed))
        .train(corpus, org.embdiff.util.ProgressListener.NONE).space();
  }
}
