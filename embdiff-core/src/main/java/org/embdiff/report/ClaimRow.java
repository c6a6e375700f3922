package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One row of the claims table: a claim of the source document, its two values each headed by what
 * it is, the naive and the controlled difference with their verdicts, the control that changed the
 * verdict, the margin, the Holm-adjusted p and the deciding verdict. Every field is copied from a
 * {@link org.embdiff.claims.Claim}.
 *
 * @param id stable claim id
 * @param claim the claim in words ("H_twitter > H_wiki")
 * @param measure the claimed direction
 * @param labelA what {@code a} holds ("wiki", "domain words", "JS between sides")
 * @param labelB what {@code b} holds ("twitter", "random control words", "split-half null")
 * @param a the first value
 * @param b the second value
 * @param difference the naive difference with its CI
 * @param naiveVerdict the verdict of the naive difference alone
 * @param controlled the controlled difference with its CI (absent when the claim has no control)
 * @param controlledVerdict the verdict of the controlled difference alone
 * @param control every control applied, in words
 * @param changedBy the control that changed the verdict, or "none"
 * @param margin the margin band's half-width
 * @param marginOverridden whether the user set the margin
 * @param adjustedP the Holm-adjusted p across the table
 * @param test the test or CI method
 * @param verdict one of {@link #VERDICTS}: the deciding verdict
 * @param note missing input, caveat, or p-value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimRow(String id, String claim, String measure, String labelA, String labelB, Cell a, Cell b,
    Cell difference, String naiveVerdict, Cell controlled, String controlledVerdict, String control, String changedBy,
    Double margin, boolean marginOverridden, Double adjustedP, String test, String verdict, String note) {
  /** The verdicts a claim can have. */
  public static final List<String> VERDICTS = List.of("supported", "contradicted", "no difference", "inconclusive", "confounded",
      "not measurable");

  /** Validates. */
  public ClaimRow {
    if (!VERDICTS.contains(verdict)) {
      throw new IllegalArgumentException("claim '" + id + "': verdict must be one of " + VERDICTS + ", got " + verdict);
    }
  }

  /**
   * One margin the table used.
   *
   * @param key claim id or id prefix it applies to
   * @param value the margin
   * @param overridden whether the user set it
   * @param claims how many rows of the table use it
   * @param reason what its size means, or that the user set it
   */
  public record MarginRow(String key, double value, boolean overridden, int claims, String reason) {}
}
