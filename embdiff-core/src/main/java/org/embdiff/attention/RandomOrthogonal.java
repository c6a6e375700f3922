package org.embdiff.attention;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Random orthogonal matrices drawn from the Haar measure: the Q factor of the QR decomposition of a
 * Gaussian matrix, with each column multiplied by the sign of R's diagonal (Mezzadri 2007, "How to
 * generate random matrices from the classical compact groups").
 */
public final class RandomOrthogonal {
  private RandomOrthogonal() {}

  /** A d x d orthogonal matrix, row-major, from {@code seed}. */
  public static double[] generate(int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DMatrixRMaj g = new DMatrixRMaj(d, d);
    for (int i = 0; i < g.data.length; i++) {
      g.data[i] = random.nextGaussian();
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
    if (!qr.decompose(g)) {
      throw new IllegalStateException("QR decomposition of a " + d + "x" + d + " Gaussian matrix failed");
    }
    DMatrixRMaj q = qr.getQ(null, false);
    DMatrixRMaj r = qr.getR(null, false);
    for (int j = 0; j < d; j++) {
      if (r.get(j, j) < 0) {
        for (int i = 0; i < d; i++) {
          q.set(i, j, -q.get(i, j));
        }
      }
    }
    return q.data;
  }
}
