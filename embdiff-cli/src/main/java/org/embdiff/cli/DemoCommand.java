package org.embdiff.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embdiff.compare.CompareSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code embdiff demo}: {@code compare} on the bundled data (GloVe 6B 100d vs GloVe Twitter 25d,
 * both frequency lists, both corpus samples, the evaluation sets and lexicons), beside the
 * controlled comparison of small SGNS spaces trained alike on the two corpus samples.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Compare GloVe Wikipedia (100d) with GloVe Twitter (25d) on the bundled data and write report/.",
        "Uses data/ beside the launcher: both embeddings, both frequency lists, both corpus samples, the analogy "
            + "and similarity sets and the lexicons (sources and licenses in data/README.md).",
        "Beside the pretrained releases, a controlled comparison: SGNS spaces trained alike on both corpus samples "
            + "(25d, 2 epochs, 100,000 tokens per side, 3 bootstrap replicates; cached after the first run)."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin EvaluationOptions evaluation;
  @Mixin TrainOptions training;
  @Mixin MarginOptions margins;

  @Option(names = "--no-train", description = "Skip the controlled comparison (spaces trained alike on the bundled corpora).")
  boolean noTrain;

  @Option(names = "--out", paramLabel = "DIR", description = "Report folder, replaced atomically (default: ${DEFAULT-VALUE}).")
  @Output(Output.Kind.REPORT_FOLDER)
  Path out = Path.of("report");

  @Override
  public Integer call() throws Exception {
    CompareSettings settings = margins.apply(evaluation.settings(BundledData.demoA(), BundledData.demoB(), common,
        noTrain ? org.embdiff.compare.AnalysisSettings.defaults()
            : training.forDemo(spec.commandLine().getParseResult()).apply(org.embdiff.compare.AnalysisSettings.defaults())));
    spec.commandLine().getOut().println("embdiff demo: comparing the bundled GloVe Wikipedia 100d and GloVe Twitter 25d data in "
        + BundledData.root());
    spec.commandLine().getOut().flush();
    return CompareCommand.runAndWrite(spec, settings, out, true);
  }
}
