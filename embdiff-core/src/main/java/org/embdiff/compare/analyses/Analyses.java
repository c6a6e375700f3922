package org.embdiff.compare.analyses;

import java.util.List;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.CompareRunner;
import org.embdiff.compare.CompareSettings;

/** The registered analyses: adding one is one line here (plus its own class). */
public final class Analyses {
  private Analyses() {}

  /** Every analysis, in the order the report shows them (and the claims table lists their claims). */
  public static List<Analysis<?>> standard() {
    return List.of(
        new DistributionsAnalysis(),
        new VocabularyAnalysis(),
        new DivergenceAnalysis(),
        new CooccurrenceAnalysis(),
        new SpectraAnalysis(),
        new GeometryAnalysis(),
        new ShiftAnalysis(),
        new AnalogiesAnalysis(),
        new SimilarityAnalysis(),
        new TransferAnalysis(),
        new AttentionAnalysis(),
        new ProjectionAnalysis(),
        new ControlledAnalysis());
  }

  /** The analysis with {@code id}. */
  public static Analysis<?> byId(String id) {
    return standard().stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no analysis '" + id + "'; known: "
            + standard().stream().map(Analysis::id).toList()));
  }

  /** A runner of every standard analysis. */
  public static CompareRunner runner(CompareSettings settings) {
    return new CompareRunner(settings, standard());
  }

  /** A runner of the analyses with {@code ids} only (the single-analysis commands). */
  public static CompareRunner runner(CompareSettings settings, String... ids) {
    return new CompareRunner(settings, java.util.Arrays.stream(ids).map(Analyses::byId).toList());
  }
}
