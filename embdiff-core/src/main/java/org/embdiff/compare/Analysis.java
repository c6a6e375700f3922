package org.embdiff.compare;

import java.util.List;
import org.embdiff.claims.Claim;

/**
 * One analysis of a comparison. It declares what it needs ({@link #requires()}: inputs per side,
 * evaluation files, shared work through {@link Shared} keys), computes an immutable result record
 * from the {@link AnalysisContext} the runner hands in, and emits the claims that record supports.
 * It never calls another analysis: work several analyses need (an alignment, co-occurrence
 * matrices, the corpus comparison) is a {@link Shared} computation the runner does once.
 *
 * @param <R> the result record, serialised into {@code report.json}
 */
public interface Analysis<R extends Record> {
  /** Stable id ("shift", "transfer"); also names the analysis's random stream. */
  String id();

  /** Human title. */
  String title();

  /** The record type of the result. */
  Class<R> resultType();

  /** What the inputs must provide; the runner skips the analysis with the first unmet one's reason. */
  List<Requirement> requires();

  /**
   * Rough relative cost, used only to start the slowest analyses first so that the longest one
   * does not begin last (the report order does not change). Default 1.
   */
  default int expectedCost() {
    return 1;
  }

  /**
   * Runs the analysis. Throw {@link AnalysisSkipped} when an input is unusable (the reason is
   * reported); any other exception becomes a failed result, never a crashed run.
   */
  Outcome<R> run(AnalysisContext context) throws Exception;

  /**
   * The claims this analysis would have emitted, each NOT_MEASURABLE with {@code reason}, for a
   * run in which it was skipped or failed (so the claims table always lists every claim).
   */
  default List<Claim> unmeasured(String sideA, String sideB, String reason) {
    return List.of();
  }
}
