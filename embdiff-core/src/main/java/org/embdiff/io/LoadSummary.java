package org.embdiff.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a load found: the detected format and compression, rows kept, and counted warnings
 * (e.g. {@code "duplicate word (first kept)" -> 3}) with the first example of each.
 *
 * @param path the file read
 * @param format the format used
 * @param compression "none", "gzip", "bzip2", "xz" or "zip"
 * @param rowsRead data rows seen in the file
 * @param rowsKept rows in the resulting space
 * @param dim vector dimension
 * @param warnings warning kind to count, in first-seen order
 * @param examples warning kind to the location and text of its first occurrence
 */
public record LoadSummary(Path path, VectorFormat format, String compression, long rowsRead, int rowsKept,
    int dim, Map<String, Long> warnings, Map<String, String> examples) {
  /** The first-example text of the truncation warning, or null when the file had all its announced rows. */
  public String truncation() {
    return examples.get(LoadWarnings.TRUNCATED);
  }
}
