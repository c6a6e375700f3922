package org.embdiff.replicate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.ProgressListener;
import org.embdiff.util.Seeds;
import org.embdiff.vec.EmbeddingSpace;

/**
 * The spaces of a replicate null: one per side trained on the whole corpus (the observed
 * comparison), and R per side each trained on a bootstrap sample of its side's documents (as
 * many documents as the side has, drawn with replacement) with its own seed, after Antoniak &
 * Mimno (2018). Two bootstrap replicates of one side differ as two samples of that domain do
 * (the bootstrap principle), which is how the whole-corpus spaces of two same-domain corpora
 * differ; two replicates of different sides would differ by that twice over, so they are not
 * what is observed. Every seed is a hash of (root seed, side, replicate), so replicate r of
 * side B is the same whatever R is.
 *
 * @param fullA side A trained on its whole corpus
 * @param fullB side B trained on its whole corpus
 * @param a side A's replicates
 * @param b side B's replicates
 */
public record ReplicateSpaces(EmbeddingSpace fullA, EmbeddingSpace fullB, List<EmbeddingSpace> a, List<EmbeddingSpace> b) {
  /** Validates. */
  public ReplicateSpaces {
    a = List.copyOf(a);
    b = List.copyOf(b);
    if (a.size() != b.size() || a.size() < 3) {
      throw new IllegalArgumentException("need the same number (>= 3) of replicates per side, got " + a.size() + " and "
          + b.size());
    }
  }

  /** Replicates per side. */
  public int replicates() {
    return a.size();
  }

  /** Trains {@code settings.replicates()} spaces per side on bootstrap samples of {@code corpusA} and {@code corpusB}. */
  public static ReplicateSpaces train(TokenCorpus corpusA, TokenCorpus corpusB, SpaceTrainer trainer,
      ReplicateSettings settings, ProgressListener progress) {
    int r = settings.replicates();
    progress.start("training 1 + " + r + " replicate spaces per side", 2L * (r + 1), "spaces");
    List<EmbeddingSpace> a = new ArrayList<>(), b = new ArrayList<>();
    EmbeddingSpace fullA, fullB;
    try {
      fullA = trainer.train(corpusA, Seeds.derive(settings.rootSeed(), "replicate-full", 0));
      progress.advance(1);
      fullB = trainer.train(corpusB, Seeds.derive(settings.rootSeed(), "replicate-full", 1));
      progress.advance(1);
      for (int i = 0; i < r; i++) {
        a.add(replicate(corpusA, trainer, settings, 0, i));
        progress.advance(1);
        b.add(replicate(corpusB, trainer, settings, 1, i));
        progress.advance(1);
      }
    } finally {
      progress.finish();
    }
    return new ReplicateSpaces(fullA, fullB, a, b);
  }

  /**
   * As {@link #train(TokenCorpus, TokenCorpus, SpaceTrainer, ReplicateSettings, ProgressListener)},
   * the 2(R + 1) spaces trained as parallel tasks on {@code pool} (each with the seed it would get
   * sequentially, so the spaces do not depend on the order they finish in).
   */
  public static ReplicateSpaces train(TokenCorpus corpusA, TokenCorpus corpusB, SpaceTrainer trainer,
      ReplicateSettings settings, java.util.concurrent.ForkJoinPool pool) {
    int r = settings.replicates();
    List<java.util.concurrent.ForkJoinTask<EmbeddingSpace>> tasks = new ArrayList<>();
    tasks.add(pool.submit(() -> trainer.train(corpusA, Seeds.derive(settings.rootSeed(), "replicate-full", 0))));
    tasks.add(pool.submit(() -> trainer.train(corpusB, Seeds.derive(settings.rootSeed(), "replicate-full", 1))));
    for (int i = 0; i < r; i++) {
      int index = i;
      tasks.add(pool.submit(() -> replicate(corpusA, trainer, settings, 0, index)));
      tasks.add(pool.submit(() -> replicate(corpusB, trainer, settings, 1, index)));
    }
    List<EmbeddingSpace> a = new ArrayList<>(), b = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      a.add(tasks.get(2 + 2 * i).join());
      b.add(tasks.get(3 + 2 * i).join());
    }
    return new ReplicateSpaces(tasks.get(0).join(), tasks.get(1).join(), a, b);
  }

  /** Replicate {@code index} of side {@code side} (0 = A, 1 = B). */
  static EmbeddingSpace replicate(TokenCorpus corpus, SpaceTrainer trainer, ReplicateSettings settings, int side,
      int index) {
    TokenCorpus sample = bootstrap(corpus, Seeds.derive(settings.rootSeed(), "replicate-bootstrap", side, index),
        settings.minCount());
    return trainer.train(sample, Seeds.derive(settings.rootSeed(), "replicate-train", side, index));
  }

  /** A bootstrap sample of the documents of {@code corpus}: as many lines, drawn with replacement. */
  public static TokenCorpus bootstrap(TokenCorpus corpus, long seed, long minCount) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] lines = new int[corpus.lines()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = random.nextInt(corpus.lines());
    }
    return corpus.sample(lines, minCount);
  }
}
