package org.embdiff.io;

/** On-disk formats for word vectors. */
public enum VectorFormat {
  /** GloVe text: {@code word v1 ... vD} per line, no header. */
  GLOVE,
  /** word2vec text: a {@code N D} header line, then GloVe-style rows. */
  WORD2VEC_TEXT,
  /** word2vec binary: a {@code N D\n} header, then {@code word<space>} and D little-endian float32 per row. */
  WORD2VEC_BINARY,
  /** fastText {@code .vec}: word2vec text as written by fastText. */
  FASTTEXT_VEC,
  /** embdiff's own memory-mappable binary cache. */
  EMBDIFF_BINARY
}
