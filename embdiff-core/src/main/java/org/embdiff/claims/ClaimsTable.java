package org.embdiff.claims;

import java.util.List;

/**
 * The claims of one comparison, ready for JSON.
 *
 * @param sideA name of side A
 * @param sideB name of side B (the side the source document calls Twitter)
 * @param settings the statistics settings
 * @param claims the claims in source-document order
 */
public record ClaimsTable(String sideA, String sideB, ClaimSettings settings, List<Claim> claims) {
  /** Copies the list. */
  public ClaimsTable {
    claims = List.copyOf(claims);
  }

  /** Builds the table from {@code inputs}. */
  public static ClaimsTable of(ClaimInputs inputs, ClaimSettings settings) {
    return new ClaimsTable(inputs.sideA(), inputs.sideB(), settings, new ClaimsBuilder(settings).build(inputs));
  }
}
