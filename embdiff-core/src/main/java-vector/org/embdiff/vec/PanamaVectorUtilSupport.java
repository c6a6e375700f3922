package org.embdiff.vec;

import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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

  /** From this many queries the fused top-k kernel runs; fewer go through {@link #dotBlock}. */
  private static final int FUSED_MIN_QUERIES = 8;
  /** Target bytes of the row block the fused kernel keeps in L2 while every query group scans it. */
  private static final int FUSED_ROW_BLOCK_BYTES = 256 * 1024;

  // Fused top-k (a GEMM micro-kernel with the selection in registers): the queries are transposed
  // once into groups of 4 x LANES, each matrix element is broadcast from the row-major matrix, so
  // one FMA advances LANES queries' scores for one row; 4 rows x 4 query vectors = 16 accumulators.
  // Each accumulator is compared with its LANES queries' admission thresholds; only passing lanes
  // (rare once the heaps are full) leave the registers. No score array, no transposed row block.
  @Override
  public boolean topK(float[] queries, int queryFrom, int queryCount, float[] matrix, int rowFrom, int rowTo, int dim,
      NearestNeighbors.TopK[] heaps) {
    if (queryCount < FUSED_MIN_QUERIES || rowTo <= rowFrom) {
      return false;
    }
    int width = queryCount >= 4 * LANES ? 4 * LANES : LANES;
    int groups = (queryCount + width - 1) / width;
    float[] qt = new float[groups * dim * width];
    for (int q = 0; q < queryCount; q++) {
      int dst = (q / width) * dim * width + q % width;
      int src = (queryFrom + q) * dim;
      for (int i = 0; i < dim; i++) {
        qt[dst + i * width] = queries[src + i];
      }
    }
    // padding lanes never pass: +inf admits nothing
    float[] thresholds = new float[groups * width];
    Arrays.fill(thresholds, Float.POSITIVE_INFINITY);
    for (int q = 0; q < queryCount; q++) {
      thresholds[q] = heaps[q].threshold();
    }
    float[] buffer = new float[16 * LANES];
    int block = Math.max(4, FUSED_ROW_BLOCK_BYTES / (4 * dim) / 4 * 4);
    for (int rb = rowFrom; rb < rowTo; rb += block) {
      int re = Math.min(rowTo, rb + block);
      for (int g = 0; g < groups; g++) {
        int base = g * dim * width;
        if (width == 4 * LANES) {
          scan4(qt, base, dim, matrix, rb, re, g * width, thresholds, heaps, buffer);
        } else {
          scan1(qt, base, dim, matrix, rb, re, g * width, thresholds, heaps, buffer);
        }
      }
    }
    return true;
  }

  // the kernels store their accumulators into a small buffer (L1) and one short loop admits from it:
  // keeping the admission out of the FMA loop keeps the compiled kernels small (C2 compiles them in
  // milliseconds instead of seconds) and the loop free of branches
  private static void scan4(float[] qt, int base, int dim, float[] m, int rowFrom, int rowTo, int q0, float[] thresholds,
      NearestNeighbors.TopK[] heaps, float[] buffer) {
    int r = rowFrom;
    for (; r + 4 <= rowTo; r += 4) {
      block4x4(qt, base, dim, m, r * dim, buffer);
      admit(buffer, 16, 4, r, q0, thresholds, heaps);
    }
    for (; r < rowTo; r++) {
      block1x4(qt, base, dim, m, r * dim, buffer);
      admit(buffer, 4, 4, r, q0, thresholds, heaps);
    }
  }

  private static void block4x4(float[] qt, int o, int dim, float[] m, int m0, float[] out) {
    int m1 = m0 + dim, m2 = m1 + dim, m3 = m2 + dim;
    FloatVector a00 = FloatVector.zero(SPECIES), a01 = FloatVector.zero(SPECIES);
    FloatVector a02 = FloatVector.zero(SPECIES), a03 = FloatVector.zero(SPECIES);
    FloatVector a10 = FloatVector.zero(SPECIES), a11 = FloatVector.zero(SPECIES);
    FloatVector a12 = FloatVector.zero(SPECIES), a13 = FloatVector.zero(SPECIES);
    FloatVector a20 = FloatVector.zero(SPECIES), a21 = FloatVector.zero(SPECIES);
    FloatVector a22 = FloatVector.zero(SPECIES), a23 = FloatVector.zero(SPECIES);
    FloatVector a30 = FloatVector.zero(SPECIES), a31 = FloatVector.zero(SPECIES);
    FloatVector a32 = FloatVector.zero(SPECIES), a33 = FloatVector.zero(SPECIES);
    for (int i = 0; i < dim; i++, o += 4 * LANES) {
      FloatVector x0 = FloatVector.fromArray(SPECIES, qt, o);
      FloatVector x1 = FloatVector.fromArray(SPECIES, qt, o + LANES);
      FloatVector x2 = FloatVector.fromArray(SPECIES, qt, o + 2 * LANES);
      FloatVector x3 = FloatVector.fromArray(SPECIES, qt, o + 3 * LANES);
      FloatVector b = FloatVector.broadcast(SPECIES, m[m0 + i]);
      a00 = x0.fma(b, a00);
      a01 = x1.fma(b, a01);
      a02 = x2.fma(b, a02);
      a03 = x3.fma(b, a03);
      b = FloatVector.broadcast(SPECIES, m[m1 + i]);
      a10 = x0.fma(b, a10);
      a11 = x1.fma(b, a11);
      a12 = x2.fma(b, a12);
      a13 = x3.fma(b, a13);
      b = FloatVector.broadcast(SPECIES, m[m2 + i]);
      a20 = x0.fma(b, a20);
      a21 = x1.fma(b, a21);
      a22 = x2.fma(b, a22);
      a23 = x3.fma(b, a23);
      b = FloatVector.broadcast(SPECIES, m[m3 + i]);
      a30 = x0.fma(b, a30);
      a31 = x1.fma(b, a31);
      a32 = x2.fma(b, a32);
      a33 = x3.fma(b, a33);
    }
    a00.intoArray(out, 0);
    a01.intoArray(out, LANES);
    a02.intoArray(out, 2 * LANES);
    a03.intoArray(out, 3 * LANES);
    a10.intoArray(out, 4 * LANES);
    a11.intoArray(out, 5 * LANES);
    a12.intoArray(out, 6 * LANES);
    a13.intoArray(out, 7 * LANES);
    a20.intoArray(out, 8 * LANES);
    a21.intoArray(out, 9 * LANES);
    a22.intoArray(out, 10 * LANES);
    a23.intoArray(out, 11 * LANES);
    a30.intoArray(out, 12 * LANES);
    a31.intoArray(out, 13 * LANES);
    a32.intoArray(out, 14 * LANES);
    a33.intoArray(out, 15 * LANES);
  }

  private static void block1x4(float[] qt, int o, int dim, float[] m, int m0, float[] out) {
    FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES);
    FloatVector a2 = FloatVector.zero(SPECIES), a3 = FloatVector.zero(SPECIES);
    for (int i = 0; i < dim; i++, o += 4 * LANES) {
      FloatVector b = FloatVector.broadcast(SPECIES, m[m0 + i]);
      a0 = FloatVector.fromArray(SPECIES, qt, o).fma(b, a0);
      a1 = FloatVector.fromArray(SPECIES, qt, o + LANES).fma(b, a1);
      a2 = FloatVector.fromArray(SPECIES, qt, o + 2 * LANES).fma(b, a2);
      a3 = FloatVector.fromArray(SPECIES, qt, o + 3 * LANES).fma(b, a3);
    }
    a0.intoArray(out, 0);
    a1.intoArray(out, LANES);
    a2.intoArray(out, 2 * LANES);
    a3.intoArray(out, 3 * LANES);
  }

  // one query vector (fewer than 4 x LANES queries): 4 rows x 1 vector, 4 accumulators
  private static void scan1(float[] qt, int base, int dim, float[] m, int rowFrom, int rowTo, int q0, float[] thresholds,
      NearestNeighbors.TopK[] heaps, float[] buffer) {
    int r = rowFrom;
    for (; r + 4 <= rowTo; r += 4) {
      block4x1(qt, base, dim, m, r * dim, buffer);
      admit(buffer, 4, 1, r, q0, thresholds, heaps);
    }
    for (; r < rowTo; r++) {
      FloatVector a = FloatVector.zero(SPECIES);
      for (int i = 0, o = base, m0 = r * dim; i < dim; i++, o += LANES) {
        a = FloatVector.fromArray(SPECIES, qt, o).fma(FloatVector.broadcast(SPECIES, m[m0 + i]), a);
      }
      a.intoArray(buffer, 0);
      admit(buffer, 1, 1, r, q0, thresholds, heaps);
    }
  }

  private static void block4x1(float[] qt, int o, int dim, float[] m, int m0, float[] out) {
    int m1 = m0 + dim, m2 = m1 + dim, m3 = m2 + dim;
    FloatVector a0 = FloatVector.zero(SPECIES), a1 = FloatVector.zero(SPECIES);
    FloatVector a2 = FloatVector.zero(SPECIES), a3 = FloatVector.zero(SPECIES);
    for (int i = 0; i < dim; i++, o += LANES) {
      FloatVector x = FloatVector.fromArray(SPECIES, qt, o);
      a0 = x.fma(FloatVector.broadcast(SPECIES, m[m0 + i]), a0);
      a1 = x.fma(FloatVector.broadcast(SPECIES, m[m1 + i]), a1);
      a2 = x.fma(FloatVector.broadcast(SPECIES, m[m2 + i]), a2);
      a3 = x.fma(FloatVector.broadcast(SPECIES, m[m3 + i]), a3);
    }
    a0.intoArray(out, 0);
    a1.intoArray(out, LANES);
    a2.intoArray(out, 2 * LANES);
    a3.intoArray(out, 3 * LANES);
  }

  /**
   * Offers the buffered scores that beat their queries' thresholds: {@code vectors} vectors of
   * LANES scores, {@code perRow} per row (queries {@code q0..+perRow x LANES)}), rows from {@code row}.
   */
  private static void admit(float[] buffer, int vectors, int perRow, int row, int q0, float[] thresholds,
      NearestNeighbors.TopK[] heaps) {
    for (int v = 0; v < vectors; v++) {
      int q = q0 + (v % perRow) * LANES;
      VectorMask<Float> pass = FloatVector.fromArray(SPECIES, buffer, v * LANES)
          .compare(VectorOperators.GT, FloatVector.fromArray(SPECIES, thresholds, q));
      if (pass.anyTrue()) {
        long bits = pass.toLong();
        int r = row + v / perRow;
        while (bits != 0) {
          int j = Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          thresholds[q + j] = heaps[q + j].offer(buffer[v * LANES + j], r);
        }
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
