package org.embdiff.train;

import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Vocabulary;

/**
 * Trained GloVe vectors as an {@link EmbeddingSpace}, to be written by
 * {@link org.embdiff.io.VectorWriter} (GloVe text, word2vec binary, embdiff binary).
 */
public final class GloveOutput {
  /** The name of the row the C tool appends for unknown words. */
  public static final String UNK = "<unk>";

  private GloveOutput() {}

  /**
   * The rows of {@code model} for {@code modelKind} (0/1/2 as the C tool) as an embedding space.
   * With {@code unk}, an {@code <unk>} row is appended: the mean of the 100 rarest words' rows, as
   * the C tool writes it; not when the vocabulary already has a word {@code <unk>} (wikitext
   * corpora do; the C tool refuses them).
   */
  public static EmbeddingSpace space(GloveModel model, String[] words, int modelKind, boolean unk) {
    if (words.length != model.vocabSize()) {
      throw new IllegalArgumentException("vocabulary has " + words.length + " words, model " + model.vocabSize());
    }
    float[] m = model.outputMatrix(modelKind);
    int width = model.outputDim(modelKind);
    if (!unk || java.util.Arrays.asList(words).contains(UNK)) {
      return new EmbeddingSpace(new Vocabulary(words), width, m);
    }
    int v = words.length;
    float[] withUnk = java.util.Arrays.copyOf(m, (v + 1) * width);
    int rare = Math.min(v, 100);
    for (int b = 0; b < width; b++) {
      double s = 0;
      for (int a = v - rare; a < v; a++) {
        s += m[a * width + b];
      }
      withUnk[v * width + b] = (float) (s / rare);
    }
    String[] w = java.util.Arrays.copyOf(words, v + 1);
    w[v] = UNK;
    return new EmbeddingSpace(new Vocabulary(w), width, withUnk);
  }
}
