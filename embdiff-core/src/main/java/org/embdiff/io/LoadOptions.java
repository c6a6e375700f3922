package org.embdiff.io;

import java.util.Set;

/**
 * How to load a vector file.
 *
 * @param format the format, or null to detect it from the content
 * @param limit keep only the first {@code limit} rows (0 = all)
 * @param vocabulary keep only these words (null = all)
 * @param encodingErrors policy for invalid UTF-8 in words
 */
public record LoadOptions(VectorFormat format, int limit, Set<String> vocabulary, EncodingErrors encodingErrors) {
  /** Validates the settings. */
  public LoadOptions {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    if (encodingErrors == null) {
      encodingErrors = EncodingErrors.REPLACE;
    }
  }

  /** Detect the format, load everything, replace invalid UTF-8. */
  public static LoadOptions defaults() {
    return new LoadOptions(null, 0, null, EncodingErrors.REPLACE);
  }

  /** A copy with {@code format}. */
  public LoadOptions withFormat(VectorFormat format) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors);
  }

  /** A copy with {@code limit}. */
  public LoadOptions withLimit(int limit) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors);
  }

  /** A copy with {@code vocabulary}. */
  public LoadOptions withVocabulary(Set<String> vocabulary) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors);
  }

  /** A copy with {@code encodingErrors}. */
  public LoadOptions withEncodingErrors(EncodingErrors encodingErrors) {
    return new LoadOptions(format, limit, vocabulary, encodingErrors);
  }
}
