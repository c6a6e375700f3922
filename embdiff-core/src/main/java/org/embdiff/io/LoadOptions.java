package org.embdiff.io;

import java.util.Set;

/**
 * How to load a vector file.
 *
 * @param format the format, or null to detect it from the content
 * @param limit keep only the first {@code limit} rows (0 = all)
 * @param vocabulary keep only these words (null = all)
 * @param encodingErrors policy for invalid UTF-8 in words
 * @param allowTruncated load a text file with fewer rows than its header announces (a counted
 *     warning) instead of refusing it as a truncated download
 * @param threads text-parsing threads (0 = the available processors, at most 8)
 */
public record LoadOptions(VectorFormat format, int limit, Set<String> vocabulary, EncodingErrors encodingErrors,
    boolean allowTruncated, int threads) {
  /** Validates the settings. */
  public LoadOptions {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    if (encodingErrors == null) {
      encodingErrors = EncodingErrors.REPLACE;
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, got " + threads);
    }
  }

  /** Options parsed on the available processors (at most 8). */
  public LoadOptions(VectorFormat format, int limit, Set<String> vocabulary, EncodingErrors encodingErrors,
      boolean allowTruncated) {
    this(format, limit, vocabulary, encodingErrors, allowTruncated, 0);
  }

  /** Options that refuse a truncated file. */
  public LoadOptions(VectorFormat format, int limit, Set<String> vocabulary, EncodingErrors encodingErrors) {
    this(format, limit, vocabulary, encodingErrors, false, 0);
  }

  /** Detect the format, load everything, replace invalid UTF-8, refuse a truncated file. */
  public static LoadOptions defaults() {
    return new LoadOptions(null, 0, null, EncodingErrors.REPLACE, false);
  }

  /** A copy with {@code format}. */
  public LoadOptions withFormat(VectorFormat format) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors, allowTruncated, threads);
  }

  /** A copy with {@code limit}. */
  public LoadOptions withLimit(int limit) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors, allowTruncated, threads);
  }

  /** A copy with {@code vocabulary}. */
  public LoadOptions withVocabulary(Set<String> vocabulary) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors, allowTruncated, threads);
  }

  /** A copy with {@code encodingErrors}. */
  public LoadOptions withEncodingErrors(EncodingErrors encodingErrors) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors, allowTruncated, threads);
  }

  /** A copy with {@code allowTruncated}. */
  public LoadOptions withAllowTruncated(boolean allowTruncated) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors, allowTruncated, threads);
  }

  /** A copy parsed on {@code threads} threads (0 = the available processors, at most 8). */
  public LoadOptions withThreads(int threads) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors, allowTruncated, threads);
  }

  /** The parsing threads this asks for. */
  public int parseThreads() {
    return threads > 0 ? threads : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
  }
}
