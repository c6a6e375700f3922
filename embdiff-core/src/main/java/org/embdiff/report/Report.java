package org.embdiff.report;

import java.util.List;
import java.util.Optional;
import org.embdiff.claims.Claim;
import org.embdiff.compare.AnalysisResult;
import org.embdiff.compare.CompareResult;
import org.embdiff.compare.RunHeader;

/**
 * A whole comparison report, what {@code report.json} holds (schema {@value #SCHEMA_VERSION},
 * documented in {@code docs/REPORT-SCHEMA.md}): the run's provenance, the claims table and one
 * typed result record per analysis. The page a reader sees is derived from it
 * ({@link ReportViews#page}).
 *
 * @param schemaVersion version of this JSON schema ({@link #SCHEMA_VERSION})
 * @param title report title ("wiki vs twitter")
 * @param header provenance: inputs, settings, seeds, timings
 * @param claims every claim, in analysis order
 * @param results one per analysis, in display order
 */
public record Report(int schemaVersion, String title, RunHeader header, List<Claim> claims,
    List<AnalysisResult<?>> results) {
  /**
   * The schema version written by this build. Bump on any incompatible change of field names or
   * meanings; readers refuse versions they do not know.
   */
  public static final int SCHEMA_VERSION = 2;

  /** Copies. */
  public Report {
    claims = List.copyOf(claims);
    results = List.copyOf(results);
  }

  /** The report of a run. */
  public static Report of(CompareResult result) {
    RunHeader h = result.header();
    return new Report(SCHEMA_VERSION, h.sideA() + " vs " + h.sideB() + " \u2014 embdiff report", h, result.claims(),
        result.results());
  }

  /** The result of analysis {@code id}, if present. */
  public Optional<AnalysisResult<?>> result(String id) {
    return results.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
