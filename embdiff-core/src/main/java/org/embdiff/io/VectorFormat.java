package org.embdiff.io;

import java.util.Locale;

/** On-disk formats for word vectors. */
public enum VectorFormat {
  /** GloVe text: {@code word v1 ... vD} per line, no header. */
  GLOVE("glove"),
  /** word2vec text: a {@code N D} header line, then GloVe-style rows. */
  WORD2VEC_TEXT("word2vec"),
  /** word2vec binary: a {@code N D\n} header, then {@code word<space>} and D little-endian float32 per row. */
  WORD2VEC_BINARY("word2vec-binary"),
  /** fastText {@code .vec}: word2vec text as written by fastText (each row ends with a space). */
  FASTTEXT_VEC("fasttext"),
  /** embdiff's own memory-mappable binary cache (see {@link EmbdiffBinary}). */
  EMBDIFF_BINARY("embdiff");

  private final String cliName;

  VectorFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The short name used on the command line ({@code glove}, {@code word2vec-binary}, ...). */
  public String cliName() {
    return cliName;
  }

  /**
   * Parses a short name ({@code glove}, {@code word2vec}, {@code word2vec-binary}, {@code fasttext},
   * {@code embdiff}), a few aliases ({@code w2v}, {@code vec}, {@code bin}, {@code word2vec-text})
   * or the enum constant name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static VectorFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (VectorFormat f : values()) {
      if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
        return f;
      }
    }
    return switch (n) {
      case "w2v", "word2vec-text", "text", "w2v-text" -> WORD2VEC_TEXT;
      case "bin", "w2v-binary", "w2v-bin", "word2vec-bin", "binary" -> WORD2VEC_BINARY;
      case "vec", "fasttext-vec", "fasttext-text" -> FASTTEXT_VEC;
      case "cache", "embdiff-binary", "emb" -> EMBDIFF_BINARY;
      default -> throw new IllegalArgumentException("unknown vector format '" + name
          + "'; expected one of glove, word2vec, word2vec-binary, fasttext, embdiff");
    };
  }
}
