package org.embdiff.report;

import java.util.List;
import java.util.Optional;
import org.embdiff.compare.RunHeader;

/**
 * The page a report shows, derived from a {@link Report} by {@link ReportViews#page}: the claims
 * table and one {@link Section} view per analysis. The HTML embeds it for its script; the Markdown
 * and terminal summaries read it. Nothing in it is computed by a renderer.
 *
 * @param title report title
 * @param header provenance of the run
 * @param claims the claims table (a section like the others, shown first)
 * @param sections the analyses' views, in display order
 */
public record ReportPage(String title, RunHeader header, Section claims, List<Section> sections) {
  /** Copies. */
  public ReportPage {
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
