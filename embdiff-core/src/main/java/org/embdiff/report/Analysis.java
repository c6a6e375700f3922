package org.embdiff.report;

/**
 * One analysis of a comparison, producing one report section. Implementations decide themselves
 * whether the inputs allow them to run, and return a skipped section with the reason otherwise;
 * an exception becomes a failed section, never a crashed report.
 */
public interface Analysis {
  /** Stable section id. */
  String id();

  /** Section title. */
  String title();

  /**
   * Rough relative cost, used only to start the slowest analyses first so that the longest one
   * does not begin last (the report order does not change). Default 1.
   */
  default int expectedCost() {
    return 1;
  }

  /** Runs the analysis on the loaded sides. May add CSV tables to the context. */
  Section run(CompareContext context) throws Exception;
}
