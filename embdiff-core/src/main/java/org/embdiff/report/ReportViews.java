package org.embdiff.report;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.compare.AnalysisResult;
import org.embdiff.compare.analyses.AnalogiesAnalysis;
import org.embdiff.compare.analyses.AttentionAnalysis;
import org.embdiff.compare.analyses.ControlledAnalysis;
import org.embdiff.compare.analyses.CooccurrenceAnalysis;
import org.embdiff.compare.analyses.DistributionsAnalysis;
import org.embdiff.compare.analyses.DivergenceAnalysis;
import org.embdiff.compare.analyses.GeometryAnalysis;
import org.embdiff.compare.analyses.ProjectionAnalysis;
import org.embdiff.compare.analyses.ShiftAnalysis;
import org.embdiff.compare.analyses.SimilarityAnalysis;
import org.embdiff.compare.analyses.SpectraAnalysis;
import org.embdiff.compare.analyses.TransferAnalysis;
import org.embdiff.compare.analyses.VocabularyAnalysis;

/**
 * Derives the page of a report from its records: pure functions from each result record to its
 * {@link SectionView} (a record type without a view of its own gets {@link RecordView}).
 */
public final class ReportViews {
  private ReportViews() {}

  /** The page of {@code report}. */
  public static ReportPage page(Report report) {
    List<Section> sections = new ArrayList<>();
    for (AnalysisResult<?> r : report.results()) {
      sections.add(section(r));
    }
    Section claims = Section.ok(ClaimsTableView.ID, ClaimsTableView.TITLE,
        ClaimsTableView.of(report.claims(), report.header().sideA(), report.header().sideB()));
    return new ReportPage(report.title(), report.header(), claims, sections);
  }

  /** The section of one result: its view when ok, else the reason. */
  public static Section section(AnalysisResult<?> r) {
    return switch (r.status()) {
      case OK -> Section.ok(r.id(), r.title(), view(r.record()));
      case SKIPPED -> Section.skipped(r.id(), r.title(), r.reason());
      case FAILED -> new Section(r.id(), r.title(), Section.FAILED, r.reason(), null);
    };
  }

  /** The view of one result record. */
  public static SectionView view(Record record) {
    if (record instanceof DistributionsAnalysis.Result x) {
      return DistributionsView.of(x);
    } else if (record instanceof VocabularyAnalysis.Result x) {
      return VocabularyView.of(x);
    } else if (record instanceof DivergenceAnalysis.Result x) {
      return DivergenceView.of(x);
    } else if (record instanceof CooccurrenceAnalysis.Result x) {
      return CooccurrenceView.of(x);
    } else if (record instanceof SpectraAnalysis.Result x) {
      return SpectraView.of(x);
    } else if (record instanceof GeometryAnalysis.Result x) {
      return GeometryView.of(x);
    } else if (record instanceof ShiftAnalysis.Result x) {
      return ShiftView.of(x);
    } else if (record instanceof AnalogiesAnalysis.Result x) {
      return AnalogiesView.of(x);
    } else if (record instanceof SimilarityAnalysis.Result x) {
      return SimilarityView.of(x);
    } else if (record instanceof TransferAnalysis.Result x) {
      return TransferView.of(x);
    } else if (record instanceof AttentionAnalysis.Result x) {
      return AttentionView.of(x);
    } else if (record instanceof ProjectionAnalysis.Result x) {
      return ProjectionView.of(x);
    } else if (record instanceof ControlledAnalysis.Result x) {
      return ControlledView.of(x);
    }
    return RecordView.of(record);
  }
}
