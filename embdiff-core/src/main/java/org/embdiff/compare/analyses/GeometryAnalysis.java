package org.embdiff.compare.analyses;

import java.util.ArrayList;
import java.util.List;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.geometry.Geometry;
import org.embdiff.geometry.GeometryResult;
import org.embdiff.geometry.GeometrySettings;
import org.embdiff.vec.EmbeddingSpace;

/**
 * SPEC 3, geometry of each space: isotropy (mean cosine of random pairs; Mu &amp; Viswanath's
 * partition-function ratio), vector norm against frequency rank, and hubness.
 */
public final class GeometryAnalysis implements Analysis<GeometryAnalysis.Result> {
  private static final int NORM_POINTS = 1500;

  /**
   * One side's geometry.
   *
   * @param side side name
   * @param geometry the measures
   * @param normsByRank (rank, norm) for every {@code normStep}-th word
   * @param normStep thinning of the norm curve
   */
  public record SideGeometry(String side, GeometryResult geometry, List<double[]> normsByRank, int normStep) {}

  /**
   * The result.
   *
   * @param settings the settings used (seed included)
   * @param sides one per side with vectors
   */
  public record Result(GeometrySettings settings, List<SideGeometry> sides) {}

  @Override
  public String id() {
    return "geometry";
  }

  @Override
  public String title() {
    return "Geometry";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onEitherSide(Input.VECTORS));
  }

  /** Words per side measured: the most frequent (every measure but hubness reads all of them). */
  public static final int MAX_WORDS = 100_000;

  @Override
  public int expectedCost() {
    return 8;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) {
    GeometrySettings settings = context.settings().analyses().geometry().withSeed(context.seed());
    List<SideGeometry> out = new ArrayList<>();
    for (Side s : context.sides()) {
      if (!s.hasVectors()) {
        continue;
      }
      EmbeddingSpace space = SharedWork.mostFrequent(s, MAX_WORDS);
      List<double[]> pts = new ArrayList<>();
      int step = Math.max(1, space.size() / NORM_POINTS);
      for (int r = 0; r < space.size(); r += step) {
        pts.add(new double[] {r + 1, space.norm(r)});
      }
      out.add(new SideGeometry(s.name(), Geometry.analyze(space, settings), pts, step));
    }
    return Outcome.of(new Result(settings, out));
  }
}
