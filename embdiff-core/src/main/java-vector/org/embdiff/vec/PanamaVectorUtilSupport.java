package org.embdiff.vec;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the incubating Vector API ({@code jdk.incubator.vector}). Loaded by name through
 * {@link VectorSupportSelector}, never referenced statically: the base code must load and run
 * without the module. Compiled by its own compiler execution with {@code --add-modules
 * jdk.incubator.vector} (see embdiff-core/pom.xml).
 *
 * <p>Single dot products: a main loop over {@code SPECIES_PREFERRED} with fused multiply-adds, then
 * one 128-bit step loop, then a scalar tail of at most 3 elements (masked loads are slow or
 * emulated on some JDK/CPU pairs, so none are used). Blocks of many queries ({@link #dotBlock})
 * transpose the row block into tiles of LANES rows, so one FMA of a broadcast query element with a
 * tile column advances LANES scores at once: no horizontal reductions, no dimension tails.
 */
final class PanamaVectorUtilSupport implements VectorUtilSupport {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> SMALL = FloatVector.SPECIES_128;
  private static final int LANES = SPECIES.length();
  private static final int SMALL_LANES = SMALL.length();

  /** Called reflectively by {@link VectorSupportSelector}. */
  PanamaVectorUtilSupport() {}

  /** Width of the preferred species in bits (the selector refuses anything under 256). */
  static int preferredBitSize() {
    return SPECIES.vectorBitSize();
  }

  @Override
  public String name() {
    return "vector-api-" + SPECIES.vectorBitSize() + "bit";
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    int i = 0;
    float sum = 0;
    if (length >= LANES) {
      // two vector accumulators: two FMA chains in flight
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      int upper2 = length - 2 * LANES;
      for (; i <= upper2; i += 2 * LANES) {
        acc0 = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc0);
        acc1 = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
            .fma(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES), acc1);
      }
      if (i <= length - LANES) {
        acc0 = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc0);
        i += LANES;
      }
      sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }
    if (i <= length - SMALL_LANES) {
      // 128-bit steps for the remainder of a wide species (e.g. 100 = 6 x 16 + 4)
      FloatVector acc = FloatVector.zero(SMALL);
      for (; i <= length - SMALL_LANES; i += SMALL_LANES) {
        acc = FloatVector.fromArray(SMALL, a, aOffset + i).fma(FloatVector.fromArray(SMALL, b, bOffset + i), acc);
      }
      sum += acc.reduceLanes(VectorOperators.ADD);
    }
    for (; i < length; i++) {
      sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
    }
    return sum;
  }

  @Override
  public float cosine(float[] a, int aOffset, float[] b, int bOffset, int length) {
    int i = 0;
    float dot = 0, aa = 0, bb = 0;
    if (length >= LANES) {
      // three accumulators, each element of a and b loaded once
      FloatVector vd = FloatVector.zero(SPECIES), va = FloatVector.zero(SPECIES), vb = FloatVector.zero(SPECIES);
      for (; i <= length - LANES; i += LANES) {
        FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
        FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
        vd = x.fma(y, vd);
        va = x.fma(x, va);
        vb = y.fma(y, vb);
      }
      dot = vd.reduceLanes(VectorOperators.ADD);
      aa = va.reduceLanes(VectorOperators.ADD);
      bb = vb.reduceLanes(VectorOperators.ADD);
    }
    for (; i < length; i++) {
      float x = a[aOffset + i], y = b[bOffset + i];
      dot = Math.fma(x, y, dot);
      aa = Math.fma(x, x, aa);
      bb = Math.fma(y, y, bb);
    }
    return VectorUtil.cosineFromSums(dot, aa, bb);
  }

  @Override
  public float squareDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
    int i = 0;
    float sum = 0;
    if (length >= LANES) {
      FloatVector acc = FloatVector.zero(SPECIES);
      for (; i <= length - LANES; i += LANES) {
        FloatVector d = FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
        acc = d.fma(d, acc);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; i < length; i++) {
      float d = a[aOffset + i] - b[bOffset + i];
      sum = Math.fma(d, d, sum);
    }
    return sum;
  }

  @Override
  public void dotBlock(float[] queries, int queryFrom, int queryCount, float[] matrix, int rowFrom, int rowCount,
      int dim, float[] scores, float[] scratch) {
    int tiles = rowCount / LANES;
    int q = 0;
    if (queryCount >= TILE_MIN_QUERIES && tiles > 0) {
      // many queries: transpose the rows once into tiles of LANES rows, then broadcast-FMA (no reductions)
      float[] tile = transpose(matrix, rowFrom, tiles, dim, scratch);
      for (; q + 4 <= queryCount; q += 4) {
        tile4(queries, (queryFrom + q) * dim, dim, tile, tiles, scores, q * rowCount, rowCount);
      }
      for (; q < queryCount; q++) {
        tile1(queries, (queryFrom + q) * dim, dim, tile, tiles, scores, q * rowCount);
      }
      // the last rowCount % LANES rows, by dot products
      int r0 = tiles * LANES;
      for (int qq = 0; qq < queryCount; qq++) {
        for (int r = r0; r < rowCount; r++) {
          scores[qq * rowCount + r] = dot(queries, (queryFrom + qq) * dim, matrix, (rowFrom + r) * dim, dim);
        }
      }
      return;
    }
    // few queries: 4 queries share each loaded row vector, 4 FMA chains, one reduction per pair
    for (; q + 4 <= queryCount; q += 4) {
      int q0 = (queryFrom + q) * dim;
      for (int r = 0; r < rowCount; r++) {
        dot4(queries, q0, dim, matrix, (rowFrom + r) * dim, scores, q * rowCount + r, rowCount);
      }
    }
    for (; q < queryCount; q++) {
      int qBase = (queryFrom + q) * dim;
      for (int r = 0; r < rowCount; r++) {
        scores[q * rowCount + r] = dot(queries, qBase, matrix, (rowFrom + r) * dim, dim);
      }
    }
  }

  /** From this many queries per call the transpose (one pass over the rows) pays for itself. */
  private static final int TILE_MIN_QUERIES = 16;

  /** tile[(t * dim + i) * LANES + j] = matrix[(rowFrom + t * LANES + j) * dim + i]: column i of LANES rows is one vector. */
  private static float[] transpose(float[] matrix, int rowFrom, int tiles, int dim, float[] scratch) {
    float[] tile = scratch != null && scratch.length >= tiles * dim * LANES ? scratch : new float[tiles * dim * LANES];
    for (int t = 0; t < tiles; t++) {
      int out = t * dim * LANES;
      for (int j = 0; j < LANES; j++) {
        int in = (rowFrom + t * LANES + j) * dim;
        for (int i = 0; i < dim; i++) {
          tile[out + i * LANES + j] = matrix[in + i];
        }
      }
    }
    return tile;
  }

  // 4 queries x 2 tiles: 8 independent FMA chains (enough to cover FMA latency), per step 2 vector
  // loads and 4 scalar broadcasts; each accumulator is the scores of LANES rows, stored directly
  private static void tile4(float[] q, int q0, int dim, float[] tile, int tiles, float[] scores, int o, int stride) {
    int q1 = q0 + dim, q2 = q1 + dim, q3 = q2 + dim;
    int t = 0;
    for (; t + 2 <= tiles; t += 2) {
      int base0 = t * dim * LANES, base1 = base0 + dim * LANES;
      FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES), a3 = FloatVector.zero(SPECIES);
      FloatVector b0 = FloatVector.zero(SPECIES), b1 = FloatVector.zero(SPECIES);
      FloatVector b2 = FloatVector.zero(SPECIES), b3 = FloatVector.zero(SPECIES);
      for (int i = 0; i < dim; i++) {
        FloatVector x = FloatVector.fromArray(SPECIES, tile, base0 + i * LANES);
        FloatVector y = FloatVector.fromArray(SPECIES, tile, base1 + i * LANES);
        FloatVector s0 = FloatVector.broadcast(SPECIES, q[q0 + i]);
        FloatVector s1 = FloatVector.broadcast(SPECIES, q[q1 + i]);
        FloatVector s2 = FloatVector.broadcast(SPECIES, q[q2 + i]);
        FloatVector s3 = FloatVector.broadcast(SPECIES, q[q3 + i]);
        a0 = s0.fma(x, a0);
        a1 = s1.fma(x, a1);
        a2 = s2.fma(x, a2);
        a3 = s3.fma(x, a3);
        b0 = s0.fma(y, b0);
        b1 = s1.fma(y, b1);
        b2 = s2.fma(y, b2);
        b3 = s3.fma(y, b3);
      }
      int r = o + t * LANES;
      a0.intoArray(scores, r);
      a1.intoArray(scores, r + stride);
      a2.intoArray(scores, r + 2 * stride);
      a3.intoArray(scores, r + 3 * stride);
      b0.intoArray(scores, r + LANES);
      b1.intoArray(scores, r + LANES + stride);
      b2.intoArray(scores, r + LANES + 2 * stride);
      b3.intoArray(scores, r + LANES + 3 * stride);
    }
    for (; t < tiles; t++) {
      int base = t * dim * LANES;
      FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES), a3 = FloatVector.zero(SPECIES);
      for (int i = 0; i < dim; i++) {
        FloatVector x = FloatVector.fromArray(SPECIES, tile, base + i * LANES);
        a0 = FloatVector.broadcast(SPECIES, q[q0 + i]).fma(x, a0);
        a1 = FloatVector.broadcast(SPECIES, q[q1 + i]).fma(x, a1);
        a2 = FloatVector.broadcast(SPECIES, q[q2 + i]).fma(x, a2);
        a3 = FloatVector.broadcast(SPECIES, q[q3 + i]).fma(x, a3);
      }
      int r = o + t * LANES;
      a0.intoArray(scores, r);
      a1.intoArray(scores, r + stride);
      a2.intoArray(scores, r + 2 * stride);
      a3.intoArray(scores, r + 3 * stride);
    }
  }

  private static void tile1(float[] q, int q0, int dim, float[] tile, int tiles, float[] scores, int o) {
    for (int t = 0; t < tiles; t++) {
      int base = t * dim * LANES;
      FloatVector a = FloatVector.zero(SPECIES);
      for (int i = 0; i < dim; i++) {
        a = FloatVector.broadcast(SPECIES, q[q0 + i]).fma(FloatVector.fromArray(SPECIES, tile, base + i * LANES), a);
      }
      a.intoArray(scores, o + t * LANES);
    }
  }

  private static void dot4(float[] q, int q0, int dim, float[] m, int r0, float[] out, int o, int stride) {
    int q1 = q0 + dim, q2 = q1 + dim, q3 = q2 + dim;
    int i = 0;
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    if (dim >= LANES) {
      FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES), a3 = FloatVector.zero(SPECIES);
      for (; i <= dim - LANES; i += LANES) {
        FloatVector x = FloatVector.fromArray(SPECIES, m, r0 + i);
        a0 = FloatVector.fromArray(SPECIES, q, q0 + i).fma(x, a0);
        a1 = FloatVector.fromArray(SPECIES, q, q1 + i).fma(x, a1);
        a2 = FloatVector.fromArray(SPECIES, q, q2 + i).fma(x, a2);
        a3 = FloatVector.fromArray(SPECIES, q, q3 + i).fma(x, a3);
      }
      s0 = a0.reduceLanes(VectorOperators.ADD);
      s1 = a1.reduceLanes(VectorOperators.ADD);
      s2 = a2.reduceLanes(VectorOperators.ADD);
      s3 = a3.reduceLanes(VectorOperators.ADD);
    }
    if (i <= dim - SMALL_LANES) {
      // 128-bit steps: dim 100 on 512-bit vectors is 6 x 16 + 1 x 4
      FloatVector b0 = FloatVector.zero(SMALL), b1 = FloatVector.zero(SMALL);
      FloatVector b2 = FloatVector.zero(SMALL), b3 = FloatVector.zero(SMALL);
      for (; i <= dim - SMALL_LANES; i += SMALL_LANES) {
        FloatVector x = FloatVector.fromArray(SMALL, m, r0 + i);
        b0 = FloatVector.fromArray(SMALL, q, q0 + i).fma(x, b0);
        b1 = FloatVector.fromArray(SMALL, q, q1 + i).fma(x, b1);
        b2 = FloatVector.fromArray(SMALL, q, q2 + i).fma(x, b2);
        b3 = FloatVector.fromArray(SMALL, q, q3 + i).fma(x, b3);
      }
      s0 += b0.reduceLanes(VectorOperators.ADD);
      s1 += b1.reduceLanes(VectorOperators.ADD);
      s2 += b2.reduceLanes(VectorOperators.ADD);
      s3 += b3.reduceLanes(VectorOperators.ADD);
    }
    for (; i < dim; i++) {
      float x = m[r0 + i];
      s0 = Math.fma(q[q0 + i], x, s0);
      s1 = Math.fma(q[q1 + i], x, s1);
      s2 = Math.fma(q[q2 + i], x, s2);
      s3 = Math.fma(q[q3 + i], x, s3);
    }
    out[o] = s0;
    out[o + stride] = s1;
    out[o + 2 * stride] = s2;
    out[o + 3 * stride] = s3;
  }

  // lanewise EXP: an intrinsic vector routine on x86 (SVML) in JDK 17+, ~10x Math.exp per element
  @Override
  public void expInPlace(float[] v, int offset, int length) {
    int i = 0;
    for (; i <= length - LANES; i += LANES) {
      FloatVector.fromArray(SPECIES, v, offset + i).lanewise(VectorOperators.EXP).intoArray(v, offset + i);
    }
    for (; i < length; i++) {
      v[offset + i] = (float) Math.exp(v[offset + i]);
    }
  }

  private static final VectorSpecies<Byte> TILE_COLUMN = ByteVector.SPECIES_128;
  /** Float vectors per 16-byte tile column: 1 at 512 bits, 2 at 256. */
  private static final int COLUMN_PARTS = Math.max(1, VectorUtil.INT8_TILE_ROWS / LANES);

  // per tile column: one 16-byte load, widened to float (B2F), then one broadcast FMA per query:
  // the scores of LANES rows advance at once, no reductions, no dimension tails
  @Override
  public void dotInt8Tiles(float[] queries, int queryFrom, int queryCount, byte[] tiles, int tileFrom, int tileCount, int dim,
      float[] scores) {
    int width = VectorUtil.INT8_TILE_ROWS;
    if (LANES > width) {
      ScalarVectorUtilSupport.INSTANCE.dotInt8Tiles(queries, queryFrom, queryCount, tiles, tileFrom, tileCount, dim, scores);
      return;
    }
    int stride = tileCount * width;
    for (int t = 0; t < tileCount; t++) {
      int base = (tileFrom + t) * dim * width;
      for (int part = 0; part < COLUMN_PARTS; part++) {
        int o = t * width + part * LANES;
        int q = 0;
        for (; q + 8 <= queryCount; q += 8) {
          int8Tile8(queries, (queryFrom + q) * dim, dim, tiles, base, part, scores, q * stride + o, stride);
        }
        for (; q + 4 <= queryCount; q += 4) {
          int8Tile4(queries, (queryFrom + q) * dim, dim, tiles, base, part, scores, q * stride + o, stride);
        }
        for (; q < queryCount; q++) {
          int8Tile1(queries, (queryFrom + q) * dim, dim, tiles, base, part, scores, q * stride + o);
        }
      }
    }
  }

  private static FloatVector column(byte[] tiles, int offset, int part) {
    return (FloatVector) ByteVector.fromArray(TILE_COLUMN, tiles, offset).convertShape(VectorOperators.B2F, SPECIES, part);
  }

  // 8 queries share each widened column: 1.7x the throughput of two 4-query passes (measured, 300d)
  private static void int8Tile8(float[] q, int q0, int dim, byte[] tiles, int base, int part, float[] scores, int o, int stride) {
    int width = VectorUtil.INT8_TILE_ROWS;
    FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES), a2 = FloatVector.zero(SPECIES);
    FloatVector a3 = FloatVector.zero(SPECIES), a4 = FloatVector.zero(SPECIES), a5 = FloatVector.zero(SPECIES);
    FloatVector a6 = FloatVector.zero(SPECIES), a7 = FloatVector.zero(SPECIES);
    for (int i = 0; i < dim; i++) {
      FloatVector x = column(tiles, base + i * width, part);
      a0 = FloatVector.broadcast(SPECIES, q[q0 + i]).fma(x, a0);
      a1 = FloatVector.broadcast(SPECIES, q[q0 + dim + i]).fma(x, a1);
      a2 = FloatVector.broadcast(SPECIES, q[q0 + 2 * dim + i]).fma(x, a2);
      a3 = FloatVector.broadcast(SPECIES, q[q0 + 3 * dim + i]).fma(x, a3);
      a4 = FloatVector.broadcast(SPECIES, q[q0 + 4 * dim + i]).fma(x, a4);
      a5 = FloatVector.broadcast(SPECIES, q[q0 + 5 * dim + i]).fma(x, a5);
      a6 = FloatVector.broadcast(SPECIES, q[q0 + 6 * dim + i]).fma(x, a6);
      a7 = FloatVector.broadcast(SPECIES, q[q0 + 7 * dim + i]).fma(x, a7);
    }
    a0.intoArray(scores, o);
    a1.intoArray(scores, o + stride);
    a2.intoArray(scores, o + 2 * stride);
    a3.intoArray(scores, o + 3 * stride);
    a4.intoArray(scores, o + 4 * stride);
    a5.intoArray(scores, o + 5 * stride);
    a6.intoArray(scores, o + 6 * stride);
    a7.intoArray(scores, o + 7 * stride);
  }

  private static void int8Tile4(float[] q, int q0, int dim, byte[] tiles, int base, int part, float[] scores, int o, int stride) {
    int q1 = q0 + dim, q2 = q1 + dim, q3 = q2 + dim;
    int width = VectorUtil.INT8_TILE_ROWS;
    FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES);
    FloatVector a2 = FloatVector.zero(SPECIES), a3 = FloatVector.zero(SPECIES);
    for (int i = 0; i < dim; i++) {
      FloatVector x = column(tiles, base + i * width, part);
      a0 = FloatVector.broadcast(SPECIES, q[q0 + i]).fma(x, a0);
      a1 = FloatVector.broadcast(SPECIES, q[q1 + i]).fma(x, a1);
      a2 = FloatVector.broadcast(SPECIES, q[q2 + i]).fma(x, a2);
      a3 = FloatVector.broadcast(SPECIES, q[q3 + i]).fma(x, a3);
    }
    a0.intoArray(scores, o);
    a1.intoArray(scores, o + stride);
    a2.intoArray(scores, o + 2 * stride);
    a3.intoArray(scores, o + 3 * stride);
  }

  // two chains (even and odd columns) so one query is not bound by the FMA latency
  private static void int8Tile1(float[] q, int q0, int dim, byte[] tiles, int base, int part, float[] scores, int o) {
    int width = VectorUtil.INT8_TILE_ROWS;
    FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i + 2 <= dim; i += 2) {
      a0 = FloatVector.broadcast(SPECIES, q[q0 + i]).fma(column(tiles, base + i * width, part), a0);
      a1 = FloatVector.broadcast(SPECIES, q[q0 + i + 1]).fma(column(tiles, base + (i + 1) * width, part), a1);
    }
    if (i < dim) {
      a0 = FloatVector.broadcast(SPECIES, q[q0 + i]).fma(column(tiles, base + i * width, part), a0);
    }
    a0.add(a1).intoArray(scores, o);
  }
}
