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
        unavailable("geometry", "Geometry"),
        unavailable("shift", "Domain shift"),
        new AnalogiesAnalysis(),
        new SimilarityAnalysis(),
        new TransferAnalysis(),
        new AttentionAnalysis(),
        unavailable("projection", "2D projection of the aligned space"));
  }

  /** The claims table, run after every other analysis. */
  public static Analysis claims() {
    return new ClaimsAnalysis();
  }

  private static Analysis unavailable(String id, String title) {
    return new Analysis() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String title() {
        return title;
      }

      @Override
      public Section run(CompareContext context) {
        return Section.skipped(id, title, "this analysis is not part of this embdiff build yet");
      }
    };
  }
}
