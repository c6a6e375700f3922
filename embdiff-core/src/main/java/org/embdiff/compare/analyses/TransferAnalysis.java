package org.embdiff.compare.analyses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embdiff.align.Aligner;
import org.embdiff.align.AlignmentResult;
import org.embdiff.align.AnchorPolicy;
import org.embdiff.align.MapMethod;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimRules;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.Direction;
import org.embdiff.claims.Interval;
import org.embdiff.compare.Analysis;
import org.embdiff.compare.AnalysisContext;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.Input;
import org.embdiff.compare.Outcome;
import org.embdiff.compare.Requirement;
import org.embdiff.compare.Side;
import org.embdiff.transfer.DomainDivergence;
import org.embdiff.transfer.IdentityMap;
import org.embdiff.transfer.LeastSquaresMap;
import org.embdiff.transfer.Lexicon;
import org.embdiff.transfer.TransferExperiment;
import org.embdiff.transfer.TransferResult;
import org.embdiff.transfer.TransferSettings;
import org.embdiff.util.ProgressListener;

/**
 * SPEC 7, generalization across domains: a word classifier trained on one side's vectors and
 * tested in-domain and with the other side's mapped vectors, both directions, per lexicon task;
 * and the cross-domain loss against each word's divergence between the two word distributions.
 */
public final class TransferAnalysis implements Analysis<TransferAnalysis.Result> {
  private static final String LOSS = "transfer.loss-increase";
  private static final String DIVERGENCE = "transfer.loss-rises-with-divergence";

  /**
   * The result.
   *
   * @param transfer the experiment
   */
  public record Result(TransferResult transfer) {}

  @Override
  public String id() {
    return "transfer";
  }

  @Override
  public String title() {
    return "Classifier transfer across domains";
  }

  @Override
  public Class<Result> resultType() {
    return Result.class;
  }

  @Override
  public List<Requirement> requires() {
    return List.of(Requirement.onBothSides(Input.VECTORS), Requirement.file(Requirement.EvaluationFile.LEXICONS),
        Requirement.usesWhenPresent(Input.COUNTS));
  }

  @Override
  public int expectedCost() {
    return 100;
  }

  @Override
  public Outcome<Result> run(AnalysisContext context) throws Exception {
    Side a = context.a();
    Side b = context.b();
    List<Lexicon> tasks = new ArrayList<>();
    for (Path p : context.settings().lexicons()) {
      tasks.add(Lexicon.read(p));
    }
    AnalysisSettings.Transfer options = context.settings().analyses().transfer();
    TransferSettings t = options.experiment();
    TransferSettings settings = new TransferSettings(t.splits(), t.testFraction(), t.c(), t.eps(), t.minClassSize(),
        t.bins(), t.resamples(), t.level(), t.smoothing(), context.seed());
    DomainDivergence divergence = a.hasCounts() && b.hasCounts()
        ? new DomainDivergence(a.counts(), b.counts(), settings.smoothing()) : null;
    TransferResult result;
    if (options.map() == AnalysisSettings.TransferMap.LSTSQ) {
      result = new TransferExperiment(settings, LeastSquaresMap.fitter(), context.threads()).run(a.name(),
          a.vectors().space(), b.name(), b.vectors().space(), tasks, divergence, ProgressListener.NONE);
    } else {
      MapMethod method = options.map() == AnalysisSettings.TransferMap.PROCRUSTES ? MapMethod.PROCRUSTES
          : MapMethod.PCA_PROCRUSTES;
      AlignmentResult aligned = Aligner.align(a.vectors().space(), b.vectors().space(),
          new Aligner.Settings(method, AnchorPolicy.defaults(), 10, 0, context.seed()));
      result = new TransferExperiment(settings, IdentityMap.fitter(aligned.describe() + ", " + aligned.anchors().count()
          + " anchors (fitted once)"), context.threads())
          .run(a.name(), aligned.spaceA(), b.name(), aligned.alignedB(), tasks, divergence, ProgressListener.NONE);
    }
    return new Outcome<>(new Result(result), claims(result, a.name(), b.name(), context.seed()), List.of());
  }

  private static List<Claim> claims(TransferResult t, String a, String b, long seed) {
    if (t.tasks().isEmpty()) {
      return new TransferAnalysis().unmeasured(a, b, "no task had enough shared labelled words");
    }
    ClaimRules rules = new ClaimRules(ClaimSettings.defaults(seed), a, b);
    List<Claim> out = new ArrayList<>();
    for (TransferResult.Task task : t.tasks()) {
      for (TransferResult.Direction d : task.directions()) {
        String suffix = "." + task.task() + "." + d.trainSide() + "-to-" + d.otherSide();
        String where = " (" + task.task() + ", trained on " + d.trainSide() + ", tested with " + d.otherSide() + ")";
        out.add(rules.onInterval(LOSS + suffix, "cross-domain loss > in-domain loss" + where,
            d.inDomain().logLoss().estimate(), d.crossDomain().logLoss().estimate(), ClaimRules.of(d.lossIncrease()),
            "paired over splits: " + d.lossIncrease().method(), null, Direction.GREATER,
            "values: log loss, nats").withLabels("in-domain loss", "cross-domain loss"));
        String statement = "cross-domain loss rises with the word's divergence |log P_" + a + "/P_" + b + "|" + where;
        if (d.divergenceRelation() == null) {
          out.add(rules.notMeasurable(DIVERGENCE + suffix, statement, Direction.GREATER,
              "frequency lists (freq:PATH) on both sides"));
        } else {
          Interval rho = ClaimRules.of(d.divergenceRelation().spearmanCrossLoss());
          List<TransferResult.Bin> bins = d.divergenceRelation().bins();
          out.add(rules.onInterval(DIVERGENCE + suffix, statement, bins.get(0).meanCrossLoss(),
              bins.get(bins.size() - 1).meanCrossLoss(), rho, rho.method(), null, Direction.GREATER,
              "values: mean cross-domain loss of the lowest and highest divergence bin; "
                  + "difference = Spearman rho over " + d.divergenceRelation().words() + " words")
              .withLabels("loss, least divergent bin", "loss, most divergent bin"));
        }
      }
    }
    return out;
  }

  @Override
  public List<Claim> unmeasured(String a, String b, String reason) {
    String missing = "transfer (run the transfer experiment; needs vectors on both sides and a lexicon)";
    return List.of(Claim.notMeasurable(LOSS, "cross-domain loss > in-domain loss", a, b, Direction.GREATER, missing),
        Claim.notMeasurable(DIVERGENCE, "cross-domain loss rises with the word's divergence", a, b, Direction.GREATER,
            missing));
  }
}
