package org.embdiff.report;

import java.util.List;

/**
 * The claims table.
 *
 * @param howToRead how to read the verdicts
 * @param rows one row per claim
 * @param notes caveats
 */
public record ClaimsView(String howToRead, List<ClaimRow> rows, List<String> notes) {
  /** Copies. */
  public ClaimsView {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }
}
