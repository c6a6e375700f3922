package org.embdiff.cooc;

import java.io.IOException;
import java.nio.file.Path;
import org.embdiff.linalg.CsrMatrix;

/**
 * Loads co-occurrence records into a {@link CsrMatrix} (row = word id - 1, column = context id -
 * 1), optionally keeping only the {@code maxWords} most frequent words (ids 1..maxWords), and
 * derives the transformed matrices of the spectrum analysis.
 */
public final class CooccurrenceMatrix {
  private CooccurrenceMatrix() {}

  /**
   * Reads {@code crec} (any record order; duplicate pairs are summed) for a vocabulary of
   * {@code vocabSize} words; ids above {@code maxWords} (0 = keep all) are dropped.
   *
   * @throws CrecFormatException when an id is outside 1..vocabSize
   */
  public static CsrMatrix read(Path crec, int vocabSize, int maxWords) throws IOException {
    int n = maxWords > 0 ? Math.min(maxWords, vocabSize) : vocabSize;
    long total = CrecReader.recordCount(crec);
    int[] rowCount = new int[n + 1];
    long kept = 0;
    long at = 0;
    try (CrecReader r = CrecReader.open(crec)) {
      while (r.next()) {
        int w = r.word();
        int c = r.context();
        if (w < 1 || c < 1 || w > vocabSize || c > vocabSize) {
          throw new CrecFormatException("word id " + w + " / context id " + c + " outside 1.." + vocabSize
              + " (the vocabulary size) in record " + at + " of " + crec
              + "; use the vocabulary file the records were counted with");
        }
        at++;
        if (w <= n && c <= n) {
          rowCount[w]++;
          kept++;
        }
      }
    }
    if (kept > Integer.MAX_VALUE - 8) {
      throw new org.embdiff.util.InvalidSetting("co-occurrence words kept", Integer.toString(n), "fewer: " + crec
          + " has " + kept + " entries among the top " + n + " words, more than a CSR array holds");
    }
    int[] ptr = new int[n + 1];
    for (int i = 1; i <= n; i++) {
      ptr[i] = ptr[i - 1] + rowCount[i];
    }
    int[] pos = java.util.Arrays.copyOf(ptr, n);
    int[] cols = new int[(int) kept];
    double[] vals = new double[(int) kept];
    try (CrecReader r = CrecReader.open(crec)) {
      while (r.next()) {
        int w = r.word();
        int c = r.context();
        if (w <= n && c <= n) {
          int p = pos[w - 1]++;
          cols[p] = c - 1;
          vals[p] = r.value();
        }
      }
    }
    assert total >= kept;
    return sumDuplicates(new CsrMatrix(n, n, ptr, cols, vals));
  }

  private static CsrMatrix sumDuplicates(CsrMatrix m) {
    int[] ptr = m.rowPtr();
    int[] ci = m.colIndex();
    double[] v = m.values();
    boolean sortedUnique = true;
    for (int r = 0; r < m.rows() && sortedUnique; r++) {
      for (int p = ptr[r] + 1; p < ptr[r + 1]; p++) {
        if (ci[p] <= ci[p - 1]) {
          sortedUnique = false;
          break;
        }
      }
    }
    if (sortedUnique) {
      return m;
    }
    int[] nptr = new int[m.rows() + 1];
    it.unimi.dsi.fastutil.ints.IntArrayList nc = new it.unimi.dsi.fastutil.ints.IntArrayList(ci.length);
    it.unimi.dsi.fastutil.doubles.DoubleArrayList nv = new it.unimi.dsi.fastutil.doubles.DoubleArrayList(ci.length);
    for (int r = 0; r < m.rows(); r++) {
      int s = ptr[r];
      int e = ptr[r + 1];
      Integer[] idx = new Integer[e - s];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = s + i;
      }
      java.util.Arrays.sort(idx, (a, b) -> Integer.compare(ci[a], ci[b]));
      int last = -1;
      for (Integer p : idx) {
        if (ci[p] == last) {
          nv.set(nv.size() - 1, nv.getDouble(nv.size() - 1) + v[p]);
        } else {
          nc.add(ci[p]);
          nv.add(v[p]);
          last = ci[p];
        }
      }
      nptr[r + 1] = nc.size();
    }
    return new CsrMatrix(m.rows(), m.cols(), nptr, nc.toIntArray(), nv.toDoubleArray());
  }

  /**
   * The vocabulary size that {@code crec}'s ids imply when no vocabulary file is at hand: its largest
   * word or context id. Ids are frequency ranks 1..V, and every counted word is in at least one
   * record, so n records name at most 2n words; a larger id would size the matrix from a number the
   * file does not back (a damaged file, or records of another vocabulary), and is refused.
   *
   * @throws CrecFormatException naming the file and the record of the largest id when it exceeds
   *     {@code max(2 x records, 65536)}
   */
  public static int impliedVocabularySize(Path crec) throws IOException {
    long records = CrecReader.recordCount(crec);
    long bound = Math.max(2 * records, 1L << 16);
    int max = 0;
    long maxAt = -1;
    long at = 0;
    try (CrecReader r = CrecReader.open(crec)) {
      while (r.next()) {
        int id = Math.max(r.word(), r.context());
        if (id > max) {
          max = id;
          maxAt = at;
        }
        at++;
      }
    }
    if (max > bound) {
      throw new CrecFormatException(crec + ": record " + maxAt + " has id " + max + ", but " + records
          + " records can name at most " + 2 * records + " words, so the ids are not the ranks of a vocabulary"
          + " of that size; give the vocabulary the records were counted with");
    }
    return max;
  }

  /** log(1 + X), entrywise. */
  public static CsrMatrix log1p(CsrMatrix x) {
    return x.map(Math::log1p);
  }

  /**
   * Positive pointwise mutual information, PPMI_ij = max(0, ln(X_ij S / (X_i* c_j))) with S the
   * total and c_j = S * X_*j^cds / sum_k X_*k^cds the context distribution smoothed by
   * {@code cds} (1 = none; Levy, Goldberg & Dagan 2015 recommend 0.75). Zeros are dropped.
   */
  public static CsrMatrix ppmi(CsrMatrix x, double cds) {
    double[] row = x.rowSums();
    double[] col = x.colSums();
    double total = 0;
    for (double r : row) {
      total += r;
    }
    double smoothTotal = 0;
    double[] cs = new double[col.length];
    for (int j = 0; j < col.length; j++) {
      cs[j] = Math.pow(col[j], cds);
      smoothTotal += cs[j];
    }
    int[] ptr = x.rowPtr();
    int[] ci = x.colIndex();
    double[] v = x.values();
    double[] out = new double[v.length];
    double logTotal = Math.log(total);
    for (int r = 0; r < x.rows(); r++) {
      double lr = Math.log(row[r]);
      for (int p = ptr[r]; p < ptr[r + 1]; p++) {
        // ln P(i,j) - ln P(i) - ln P_cds(j)
        double pmi = Math.log(v[p]) - logTotal - (lr - logTotal) - Math.log(cs[ci[p]] / smoothTotal);
        out[p] = Math.max(0, pmi);
      }
    }
    return new CsrMatrix(x.rows(), x.cols(), ptr, ci, out).withoutZeros();
  }
}
