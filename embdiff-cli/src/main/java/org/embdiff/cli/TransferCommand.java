package org.embdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embdiff.inference.Interval;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.CompareSettings;
import org.embdiff.compare.analyses.TransferAnalysis;
import org.embdiff.transfer.DomainDivergence;
import org.embdiff.transfer.TransferResult;
import org.embdiff.transfer.TransferSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embdiff transfer}: cross-domain generalisation of a word classifier (SPEC section 7). */
@Command(name = "transfer", mixinStandardHelpOptions = true,
    description = "Train a word classifier on one side's vectors, test it with the other side's mapped vectors, "
        + "and relate the loss to the domains' divergence.")
final class TransferCommand implements Callable<Integer> {
  static final List<String> ALL_TASKS = List.of("bing-liu", "afinn-sign", "wordnet-supersense");

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin TwoSidesOptions sides;

  @Option(names = "--lexicons", paramLabel = "DIR",
      description = "Directory with bing-liu-opinion-lexicon.tsv, afinn-165.tsv, wordnet30-lexnames.tsv.gz (default: the bundled data/lexicons).")
  Path lexicons;

  @Option(names = "--tasks", split = ",", paramLabel = "TASK",
      description = "Tasks (default: all): ${COMPLETION-CANDIDATES}.", completionCandidates = Tasks.class)
  List<String> tasks = ALL_TASKS;

  @Option(converter = Ranges.AtLeastTwo.class, names = "--splits", description = "Train/test splits: folds of repeated "
      + "5-fold cross-validation (default: ${DEFAULT-VALUE}, as in compare).")
  int splits = TransferSettings.defaults(0).splits();

  @Option(converter = Ranges.PositiveDouble.class, names = "--C", description = "Inverse L2 strength of the classifier, in LIBLINEAR's units (default: chosen "
      + "per task and direction by 3-fold cross-validation on the first split's training words).")
  double c = Double.NaN;

  @Option(converter = Ranges.AtLeastTwo.class, names = "--bins", description = "Quantile bins of the pointwise divergence (default: ${DEFAULT-VALUE}).")
  int bins = 5;

  @Option(names = "--map", paramLabel = "lstsq|procrustes|pca-procrustes", converter = EnumWords.TransferMaps.class,
      description = "How the other side's vectors reach the training space: lstsq = affine least-squares map refitted "
          + "per split without the test words, on the raw vectors (default); procrustes / pca-procrustes = both sides in "
          + "the alignment module's common space (unit vectors; its anchors are frequent shared words and may include "
          + "test words), trained and tested there.")
  AnalysisSettings.TransferMap map = AnalysisSettings.TransferMap.LSTSQ;

  /** The task names, for --help. */
  static final class Tasks extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Tasks() {
      super(ALL_TASKS);
    }
  }

  @Mixin JsonOutput json;

  @Override
  public Integer call() throws Exception {
    TransferResult result = AnalysisRun.one(settings(sides, common, lexicons, tasks, splits, c, bins, map), "transfer",
        TransferAnalysis.Result.class).transfer();
    print(spec.commandLine().getOut(), result);
    json.write("transfer.json", result);
    return ExitCodes.OK;
  }

  /** The comparison settings that run this command's experiment (the same analysis {@code compare} runs). */
  static CompareSettings settings(TwoSidesOptions sides, CommonOptions common, Path lexiconDir, List<String> tasks,
      int splits, double c, int bins, AnalysisSettings.TransferMap map) throws IOException {
    TransferSettings d = TransferSettings.defaults(common.seed());
    TransferSettings experiment = new TransferSettings(splits, d.testFraction(), c, d.eps(), d.minClassSize(), bins,
        d.resamples(), d.level(), d.smoothing(), common.seed());
    AnalysisSettings analyses = AnalysisSettings.defaults().withTransfer(new AnalysisSettings.Transfer(experiment,
        map));
    return new CompareSettings(sides.sideA(), sides.sideB(), null, List.of(), lexiconFiles(lexiconDir, tasks), null,
        common.seed(), common.threads(), 50, analyses);
  }

  /** The lexicon files of {@code tasks} in {@code dir} (default: the bundled lexicons). */
  static List<Path> lexiconFiles(Path dir, List<String> tasks) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String task : tasks) {
      String name = switch (task) {
        case "bing-liu" -> "bing-liu-opinion-lexicon.tsv";
        case "afinn-sign" -> "afinn-165.tsv";
        case "wordnet-supersense" -> "wordnet30-lexnames.tsv.gz";
        default -> throw new IllegalArgumentException("unknown task '" + task + "'; expected one of " + ALL_TASKS);
      };
      Path p = dir != null ? dir.resolve(name) : BundledData.require("lexicons/" + name);
      if (!java.nio.file.Files.isRegularFile(p)) {
        throw new IOException("lexicon for task '" + task + "' not found: " + p);
      }
      out.add(p);
    }
    return out;
  }

  static void print(PrintWriter out, TransferResult r) {
    out.printf(Locale.ROOT, "transfer: %s vs %s, %,d shared words; seed %d, %d splits of %.0f/%.0f%n", r.sideA(),
        r.sideB(), r.sharedWords(), r.settings().seed(), r.settings().splits(), 100 * (1 - r.settings().testFraction()),
        100 * r.settings().testFraction());
    if (r.divergence() != null) {
      DomainDivergence.Summary d = r.divergence();
      out.printf(Locale.ROOT, "unigram divergence (Lidstone %.2f on the %,d-word union%s): KL(%s||%s) = %.3f bits, "
          + "KL(%s||%s) = %.3f bits, JS = %.4f bits%n", d.lambda(), d.support(),
          d.truncated() ? "; truncated lists, head only" : "", r.sideA(), r.sideB(), d.klAB(), r.sideB(), r.sideA(),
          d.klBA(), d.jsBits());
    }
    for (TransferResult.Task t : r.tasks()) {
      out.printf(Locale.ROOT, "%ntask %s: %,d words, %d classes %s%n", t.task(), t.words(), t.classCounts().size(),
          t.classCounts().size() <= 4 ? t.classCounts().toString() : "");
      for (TransferResult.Direction d : t.directions()) {
        out.printf(Locale.ROOT, "  train on %s; cross-domain = %s's vectors mapped by %s%n", d.trainSide(),
            d.otherSide(), d.map());
        out.printf(Locale.ROOT, "    %-13s %-24s %-24s %-24s%n", "", "accuracy", "macro-F1", "log loss (nats)");
        row(out, "in-domain", d.inDomain());
        row(out, "cross-domain", d.crossDomain());
        row(out, "majority", d.majority());
        out.printf(Locale.ROOT, "    loss increase (cross - in): %s (t-interval over %d paired splits)%n",
            ci(d.lossIncrease()), d.splits().size());
        if (d.divergenceRelation() != null) {
          TransferResult.DivergenceRelation rel = d.divergenceRelation();
          out.printf(Locale.ROOT, "    cross-domain loss by quantile of |log2 P_%s(w)/P_%s(w)| (%,d words):%n",
              r.sideA(), r.sideB(), rel.words());
          for (TransferResult.Bin bin : rel.bins()) {
            out.printf(Locale.ROOT, "      bin %d  %4d words  divergence %6.3f..%-7.3f  cross loss %.3f  in loss %.3f%n",
                bin.bin() + 1, bin.words(), bin.divergenceLo(), bin.divergenceHi(), bin.meanCrossLoss(),
                bin.meanInLoss());
          }
          out.printf(Locale.ROOT, "    Spearman(divergence, cross loss) = %s; (divergence, cross - in loss) = %s "
              + "(bootstrap over words)%n", ci(rel.spearmanCrossLoss()), ci(rel.spearmanExcessLoss()));
        }
      }
    }
    out.println();
    r.notes().forEach(n -> out.println("note: " + n));
    out.flush();
  }

  private static void row(PrintWriter out, String label, TransferResult.Metrics m) {
    out.printf(Locale.ROOT, "    %-13s %-24s %-24s %-24s%n", label, ci(m.accuracy()), ci(m.macroF1()), ci(m.logLoss()));
  }

  static String ci(org.embdiff.claims.Interval i) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.lo(), i.hi());
  }

  static String ci(Interval i) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.lower(), i.upper());
  }
}
