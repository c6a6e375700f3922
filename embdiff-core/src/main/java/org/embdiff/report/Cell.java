package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One value in a report table: a number with an optional confidence interval, or a text.
 *
 * @param v the number, or null
 * @param lo lower end of its CI, or null
 * @param hi upper end of its CI, or null
 * @param text text shown instead of (or after) the number, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cell(Double v, Double lo, Double hi, String text) {
  /** An empty cell (the value does not exist for this column). */
  public static final Cell EMPTY = new Cell(null, null, null, null);

  /** A number without CI (non-finite numbers become empty). */
  public static Cell of(double v) {
    return Double.isFinite(v) ? new Cell(v, null, null, null) : EMPTY;
  }

  /** A number with a CI. */
  public static Cell of(double v, double lo, double hi) {
    if (!Double.isFinite(v)) {
      return EMPTY;
    }
    return new Cell(v, Double.isFinite(lo) ? lo : null, Double.isFinite(hi) ? hi : null, null);
  }

  /** A text. */
  public static Cell text(String text) {
    return new Cell(null, null, null, text);
  }

  /** A number followed by a short text (e.g. a unit or a caveat). */
  public static Cell of(double v, String text) {
    return new Cell(Double.isFinite(v) ? v : null, null, null, text);
  }
}
