package org.embdiff.io;


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

  @Override
  public String toString() {
    return cliName;
  }
}
