package org.embdiff.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counted warnings with the first example of each kind, in first-seen order. Not thread-safe:
 * each parsing block owns one, merged in file order.
 */
final class LoadWarnings {
  static final String BOM = "UTF-8 byte-order mark (ignored)";
  static final String CRLF = "CRLF line end (accepted)";
  static final String BLANK = "blank line (skipped)";
  static final String DUPLICATE = "duplicate word (first kept)";
  static final String INVALID_UTF8_REPLACED = "invalid UTF-8 in word (replaced by U+FFFD)";
  static final String INVALID_UTF8_SKIPPED = "invalid UTF-8 in word (row skipped)";
  static final String HEADER_COUNT = "header row count disagrees with the rows";
  static final String TRUNCATED = "fewer rows than the header announces (truncated file, loaded as asked)";
  static final String TRAILING = "trailing data after the last row (ignored)";

  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Map<String, String> examples = new LinkedHashMap<>();

  /** Counts one {@code kind}; {@code example} is kept when it is the first. */
  void add(String kind, String example) {
    add(kind, 1, example);
  }

  /** Counts {@code n} of {@code kind}. */
  void add(String kind, long n, String example) {
    if (counts.merge(kind, n, Long::sum) == n) {
      examples.put(kind, example);
    }
  }

  /** Whether nothing was counted. */
  boolean isEmpty() {
    return counts.isEmpty();
  }

  /** Counts per kind. */
  Map<String, Long> counts() {
    return counts;
  }

  /** First example per kind. */
  Map<String, String> examples() {
    return examples;
  }
}
