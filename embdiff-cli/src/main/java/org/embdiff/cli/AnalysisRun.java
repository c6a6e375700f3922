package org.embdiff.cli;

import org.embdiff.compare.AnalysisResult;
import org.embdiff.compare.CompareResult;
import org.embdiff.compare.CompareRunner;
import org.embdiff.compare.CompareSettings;
import org.embdiff.compare.Status;
import org.embdiff.compare.analyses.Analyses;

/** Runs analyses through the same runner {@code compare} uses, with a progress bar on stderr. */
final class AnalysisRun {
  private AnalysisRun() {}

  /** Every standard analysis. */
  static CompareResult all(CompareSettings settings) throws Exception {
    return run(Analyses.runner(settings));
  }

  /**
   * The one analysis {@code id} (its inputs only), and its record; a skipped or failed analysis
   * becomes an error naming why.
   */
  static <R extends Record> R one(CompareSettings settings, String id, Class<R> type) throws Exception {
    CompareResult result = run(Analyses.runner(settings, id));
    AnalysisResult<?> r = result.result(id).orElseThrow();
    if (r.status() != Status.OK) {
      throw new IllegalArgumentException(r.title() + " " + r.status().label() + ": " + r.reason());
    }
    return type.cast(r.record());
  }

  private static CompareResult run(CompareRunner runner) throws Exception {
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      return runner.run(progress);
    }
  }
}
