package org.embdiff.vec;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * An immutable word-embedding space: a {@link Vocabulary} and a float32 matrix with one row per
 * word.
 *
 * <p>Memory layout: {@code matrix[row * dim + col]}, row-major in one array (up to 2^31 - 1
 * floats, e.g. 7M words x 300 dims). Row order is the order of the source file, which for
 * GloVe and word2vec files is frequency rank. The unit-normalised view is computed once, lazily.
 */
public final class EmbeddingSpace {
  private final Vocabulary vocabulary;
  private final int dim;
  private final float[] matrix;
  private volatile EmbeddingSpace unitNormalized;
  private final boolean normalized;

  /**
   * Wraps {@code matrix} without copying; the caller must not modify it afterwards.
   *
   * @throws IllegalArgumentException if {@code matrix.length != vocabulary.size() * dim}
   */
  public EmbeddingSpace(Vocabulary vocabulary, int dim, float[] matrix) {
    this(vocabulary, dim, matrix, false);
  }

  private EmbeddingSpace(Vocabulary vocabulary, int dim, float[] matrix, boolean normalized) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    if (dim <= 0) {
      throw new IllegalArgumentException("dim must be positive, got " + dim);
    }
    if ((long) vocabulary.size() * dim != matrix.length) {
      throw new IllegalArgumentException(
          "matrix length " + matrix.length + " != words " + vocabulary.size() + " x dim " + dim);
    }
    this.dim = dim;
    this.matrix = matrix;
    this.normalized = normalized;
  }

  /** The words, in row order. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Number of rows (words). */
  public int size() {
    return vocabulary.size();
  }

  /** Dimension of each vector. */
  public int dim() {
    return dim;
  }

  /** The word of row {@code row}. */
  public String word(int row) {
    return vocabulary.word(row);
  }

  /** The row of {@code word}, or -1 when absent. */
  public int indexOf(String word) {
    return vocabulary.indexOf(word);
  }

  /** Whether the space has a vector for {@code word}. */
  public boolean contains(String word) {
    return vocabulary.contains(word);
  }

  /** One value. */
  public float get(int row, int col) {
    return matrix[row * dim + col];
  }

  /** A copy of row {@code row}. */
  public float[] vector(int row) {
    return Arrays.copyOfRange(matrix, row * dim, row * dim + dim);
  }

  /** A copy of the vector of {@code word}, or {@code null} when absent. */
  public float[] vector(String word) {
    int row = indexOf(word);
    return row < 0 ? null : vector(row);
  }

  /** Copies row {@code row} into {@code out[offset..offset+dim)}. */
  public void copyRow(int row, float[] out, int offset) {
    System.arraycopy(matrix, row * dim, out, offset, dim);
  }

  /**
   * The backing row-major matrix, shared, for hot loops. Read-only by contract: writing to it
   * breaks the immutability every other user relies on.
   */
  public float[] matrix() {
    return matrix;
  }

  /** Whether every non-zero row has unit L2 norm (true for {@link #unitNormalized()}). */
  public boolean isUnitNormalized() {
    return normalized;
  }

  /**
   * The same words with every row scaled to unit L2 norm (zero rows stay zero). Computed once and
   * cached.
   */
  public EmbeddingSpace unitNormalized() {
    if (normalized) {
      return this;
    }
    EmbeddingSpace result = unitNormalized;
    if (result == null) {
      synchronized (this) {
        result = unitNormalized;
        if (result == null) {
          float[] copy = matrix.clone();
          for (int row = 0; row < size(); row++) {
            VectorUtil.l2normalizeInPlace(copy, row * dim, dim);
          }
          result = new EmbeddingSpace(vocabulary, dim, copy, true);
          unitNormalized = result;
        }
      }
    }
    return result;
  }

  /**
   * Forgets the cached unit-normalised view, to bound memory once its users are done (a later call of
   * {@link #unitNormalized()} computes it again, with the same values).
   */
  public void releaseUnitNormalized() {
    unitNormalized = null;
  }

  /** L2 norm of row {@code row}. */
  public double norm(int row) {
    return Math.sqrt(VectorUtil.dot(matrix, row * dim, matrix, row * dim, dim));
  }

  /** A new space with the first {@code n} rows (or all when {@code n >= size()}). */
  public EmbeddingSpace head(int n) {
    if (n >= size()) {
      return this;
    }
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = word(i);
    }
    return new EmbeddingSpace(new Vocabulary(words), dim, Arrays.copyOf(matrix, n * dim), normalized);
  }

  /** A new space with the given rows, in the given order. */
  public EmbeddingSpace rows(int[] rows) {
    String[] words = new String[rows.length];
    float[] out = new float[rows.length * dim];
    for (int i = 0; i < rows.length; i++) {
      words[i] = word(rows[i]);
      System.arraycopy(matrix, rows[i] * dim, out, i * dim, dim);
    }
    return new EmbeddingSpace(new Vocabulary(words), dim, out, normalized);
  }

  /** A new space with the words of {@code keep} this space has, in this space's row order. */
  public EmbeddingSpace restrictTo(Collection<String> keep) {
    java.util.Set<String> set = keep instanceof java.util.Set<?> ? (java.util.Set<String>) keep : new java.util.HashSet<>(keep);
    int[] rows = java.util.stream.IntStream.range(0, size()).filter(r -> set.contains(word(r))).toArray();
    return rows(rows);
  }

  /** A new space with the same words and a new matrix of dimension {@code newDim}. */
  public EmbeddingSpace withMatrix(int newDim, float[] newMatrix) {
    return new EmbeddingSpace(vocabulary, newDim, newMatrix);
  }
}
