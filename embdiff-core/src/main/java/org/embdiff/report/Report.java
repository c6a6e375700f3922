package org.embdiff.report;

import java.util.List;
import java.util.Optional;

/**
 * A whole comparison report: what {@code report.json} holds and every renderer reads.
 *
 * @param schemaVersion version of this JSON schema ({@link #SCHEMA_VERSION})
 * @param title report title ("wiki vs twitter")
 * @param header provenance: inputs, settings, seeds, timings
 * @param claims the table of claims with verdicts (a section like the others, shown first)
 * @param sections the analyses, in display order
 */
public record Report(int schemaVersion, String title, ReportHeader header, Section claims, List<Section> sections) {
  /**
   * The schema version written by this build. Bump on any incompatible change of field names or
   * meanings; readers refuse versions they do not know.
   */
  public static final int SCHEMA_VERSION = 1;

  /** Copies. */
  public Report {
    sections = List.copyOf(sections);
  }

  /** The section with {@code id}, if present. */
  public Optional<Section> section(String id) {
    if (claims != null && claims.id().equals(id)) {
      return Optional.of(claims);
    }
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
