package org.embdiff.compare;

import java.util.List;
import org.embdiff.claims.Claim;

/**
 * What one analysis returns: its result record, the claims it supports and the per-word tables it
 * exports as CSV (the report's {@code report.json} holds the record, not the tables).
 *
 * @param record the result
 * @param claims the claims decided on this result, in display order
 * @param tables per-word CSV exports
 * @param <R> the record type
 */
public record Outcome<R extends Record>(R record, List<Claim> claims, List<WordTable> tables) {
  /** Copies. */
  public Outcome {
    java.util.Objects.requireNonNull(record, "record");
    claims = List.copyOf(claims);
    tables = List.copyOf(tables);
  }

  /** A result with no claims and no tables. */
  public static <R extends Record> Outcome<R> of(R record) {
    return new Outcome<>(record, List.of(), List.of());
  }
}
