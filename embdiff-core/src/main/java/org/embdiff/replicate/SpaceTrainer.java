package org.embdiff.replicate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceCounter;
import org.embdiff.cooc.CooccurrenceOptions;
import org.embdiff.cooc.CrecShuffler;
import org.embdiff.train.GloveModel;
import org.embdiff.train.GloveOptions;
import org.embdiff.train.GloveOutput;
import org.embdiff.train.GloveTrainer;
import org.embdiff.train.SgnsOptions;
import org.embdiff.train.SgnsTrainer;
import org.embdiff.train.TokenCorpus;
import org.embdiff.util.ProgressListener;
import org.embdiff.vec.EmbeddingSpace;

/** Trains one space on a corpus with a seed; both sides and all replicates use the same trainer. */
@FunctionalInterface
public interface SpaceTrainer {
  /** Vectors trained on {@code corpus} with {@code seed}. */
  EmbeddingSpace train(TokenCorpus corpus, long seed);

  /** A description of every setting that changes the vectors (a cache key part); by default none. */
  default String describe() {
    return "unnamed";
  }

  /** SGNS with {@code options} (its seed replaced by each replicate's). */
  static SpaceTrainer sgns(SgnsOptions options) {
    return new SpaceTrainer() {
      @Override
      public EmbeddingSpace train(TokenCorpus corpus, long seed) {
        return new SgnsTrainer(options.withSeed(seed)).train(corpus, ProgressListener.NONE).space();
      }

      @Override
      public String describe() {
        return "sgns, noise words " + (options.sharedNoise() ? "shared per window, " : "drawn per pair, ")
            + options.withSeed(0).withThreads(1);
      }
    };
  }

  /**
   * GloVe (Pennington et al. 2014) with {@code options} and a symmetric, distance-weighted window
   * of {@code window}: the corpus's tokens are written to a temporary file, counted, shuffled and
   * trained as {@code embdiff train glove --corpus} does; the space is W + W~ without {@code <unk>}.
   */
  static SpaceTrainer glove(GloveOptions options, int window) {
    return new SpaceTrainer() {
      @Override
      public EmbeddingSpace train(TokenCorpus corpus, long seed) {
        GloveOptions o = new GloveOptions(options.vectorSize(), options.iterations(), options.eta(), options.alpha(),
            options.xMax(), options.threads(), seed, 2, options.gradClip());
        Path work = null;
        try {
          work = Files.createTempDirectory("embdiff-glove-");
          Path text = work.resolve("corpus.txt");
          try (BufferedWriter w = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            int[] tokens = corpus.tokens();
            for (int line = 0; line < corpus.lines(); line++) {
              for (int i = corpus.lineStart(line); i < corpus.lineEnd(line); i++) {
                if (i > corpus.lineStart(line)) {
                  w.write(' ');
                }
                w.write(corpus.word(tokens[i]));
              }
              w.write('\n');
            }
          }
          String[] words = corpus.words();
          byte[][] bytes = new byte[words.length][];
          long[] counts = new long[words.length];
          for (int i = 0; i < words.length; i++) {
            bytes[i] = words[i].getBytes(StandardCharsets.UTF_8);
            counts[i] = corpus.count(i);
          }
          ByteVocabulary vocab = ByteVocabulary.ofOrdered(bytes, counts);
          Path crec = work.resolve("cooccurrence.bin");
          new CooccurrenceCounter(vocab, CooccurrenceOptions.defaults().withWindow(window).withThreads(1)
              .withMemoryBytes(64L << 20).withTempDir(work))
              .count(List.of(text), crec, ProgressListener.NONE);
          Path shuffled = work.resolve("cooccurrence.shuf.bin");
          CrecShuffler.shuffle(crec, shuffled, 1L << 28, seed, work, ProgressListener.NONE);
          GloveModel model = GloveModel.initialize(vocab.size(), o.vectorSize(), seed);
          new GloveTrainer(o).train(model, shuffled, (it, cost, secs) -> { }, ProgressListener.NONE);
          return GloveOutput.space(model, words, 2, false);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          deleteQuietly(work);
        }
      }

      @Override
      public String describe() {
        return "glove window " + window + " " + new GloveOptions(options.vectorSize(), options.iterations(), options.eta(),
            options.alpha(), options.xMax(), 1, 0, 2, options.gradClip());
      }
    };
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
