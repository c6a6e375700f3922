package org.embdiff.report;

import java.util.List;

/**
 * The claims table.
 *
 * @param howToRead how to read the verdicts
 * @param rows one row per claim
 * @param margins every margin the rows use, with its reason and whether the user set it
 * @param notes caveats
 */
public record ClaimsView(String howToRead, List<ClaimRow> rows, List<ClaimRow.MarginRow> margins, List<String> notes) {
  /** Copies. */
  public ClaimsView {
    rows = List.copyOf(rows);
    margins = List.copyOf(margins);
    notes = List.copyOf(notes);
  }
}
