package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One row of the claims table: a claim of the source document, what was measured on each side,
 * the difference with its CI and test, and the verdict.
 *
 * @param id stable claim id
 * @param claim the claim in words ("H_twitter > H_wiki")
 * @param measure what was measured
 * @param a value on side A (with CI when known)
 * @param b value on side B
 * @param difference the difference or effect, with CI
 * @param test the test or CI method
 * @param verdict one of {@link #VERDICTS}
 * @param note missing input, caveat, or p-value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimRow(String id, String claim, String measure, Cell a, Cell b, Cell difference, String test,
    String verdict, String note) {
  /** The verdicts a claim can have. */
  public static final List<String> VERDICTS = List.of("supported", "contradicted", "no difference", "inconclusive", "confounded",
      "not measurable");

  /** Validates. */
  public ClaimRow {
    if (!VERDICTS.contains(verdict)) {
      throw new IllegalArgumentException("claim '" + id + "': verdict must be one of " + VERDICTS + ", got " + verdict);
    }
  }
}
