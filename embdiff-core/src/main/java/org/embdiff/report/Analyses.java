package org.embdiff.report;

import java.util.List;

/** The analyses of a standard comparison, in report order. */
public final class Analyses {
  private Analyses() {}

  /** Every analysis, in the order the report shows them. */
  public static List<Analysis> standard() {
    return List.of(
        new DistributionsAnalysis(),
        new VocabularyAnalysis(),
        new DivergenceAnalysis(),
        new CooccurrenceAnalysis(),
        new SpectraAnalysis(),
        new GeometrySection(),
        new ShiftSection(),
        new AnalogiesAnalysis(),
        new SimilarityAnalysis(),
        new TransferAnalysis(),
        new AttentionAnalysis(),
        new ProjectionSection());
  }

  /** The claims table, run after every other analysis. */
  public static Analysis claims() {
    return new ClaimsAnalysis();
  }
}
