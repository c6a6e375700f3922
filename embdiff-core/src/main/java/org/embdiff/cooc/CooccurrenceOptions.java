package org.embdiff.cooc;

import java.nio.file.Path;

/**
 * Settings of co-occurrence counting, as Stanford {@code cooccur}'s options.
 *
 * @param window context words on each side (symmetric) or on the left only; {@code cooccur}'s
 *     {@code -window-size}
 * @param symmetric true: left and right context ({@code -symmetric 1}); false: only the left
 *     context, i.e. record (left word, right word) ({@code -symmetric 0})
 * @param distanceWeighting true: each pair adds 1/distance ({@code -distance-weighting 1}); false:
 *     adds 1
 * @param memoryBytes soft bound on the memory used for counting (dense table, sparse buffers,
 *     in-memory runs); beyond it sorted runs spill to {@code tempDir}
 * @param threads worker threads
 * @param tempDir where spilled runs go (deleted afterwards); null = beside the output file
 */
public record CooccurrenceOptions(
    int window, boolean symmetric, boolean distanceWeighting, long memoryBytes, int threads, Path tempDir) {

  /** Validates every setting, naming the parameter and the bad value. */
  public CooccurrenceOptions {
    if (window < 1 || window > 1 << 12) {
      throw new IllegalArgumentException("window must be in 1..4096, got " + window);
    }
    if (memoryBytes < 1 << 20) {
      throw new IllegalArgumentException("memory must be at least 1 MB, got " + memoryBytes + " bytes");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** Stanford's defaults except the window: symmetric, 1/distance, window 10, memory min(4 GB, half the heap). */
  public static CooccurrenceOptions defaults() {
    return new CooccurrenceOptions(10, true, true, defaultMemory(), Runtime.getRuntime().availableProcessors(), null);
  }

  /** min(4 GB, half the maximum heap). */
  public static long defaultMemory() {
    return Math.max(1L << 20, Math.min(4L << 30, Runtime.getRuntime().maxMemory() / 2));
  }

  /** A copy with another window. */
  public CooccurrenceOptions withWindow(int w) {
    return new CooccurrenceOptions(w, symmetric, distanceWeighting, memoryBytes, threads, tempDir);
  }

  /** A copy with another memory bound. */
  public CooccurrenceOptions withMemoryBytes(long m) {
    return new CooccurrenceOptions(window, symmetric, distanceWeighting, m, threads, tempDir);
  }

  /** A copy with another thread count. */
  public CooccurrenceOptions withThreads(int t) {
    return new CooccurrenceOptions(window, symmetric, distanceWeighting, memoryBytes, t, tempDir);
  }

  /** A copy with left-only or symmetric context. */
  public CooccurrenceOptions withSymmetric(boolean s) {
    return new CooccurrenceOptions(window, s, distanceWeighting, memoryBytes, threads, tempDir);
  }

  /** A copy with or without 1/distance weighting. */
  public CooccurrenceOptions withDistanceWeighting(boolean d) {
    return new CooccurrenceOptions(window, symmetric, d, memoryBytes, threads, tempDir);
  }

  /** A copy with another directory for spilled runs. */
  public CooccurrenceOptions withTempDir(Path dir) {
    return new CooccurrenceOptions(window, symmetric, distanceWeighting, memoryBytes, threads, dir);
  }
}
