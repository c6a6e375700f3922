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
 * both frequency lists, both corpus samples, the evaluation sets and lexicons).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Compare GloVe Wikipedia (100d) with GloVe Twitter (25d) on the bundled data and write report/.",
        "Uses data/ beside the launcher: both embeddings, both frequency lists, both corpus samples, the analogy "
            + "and similarity sets and the lexicons (sources and licenses in data/README.md)."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin EvaluationOptions evaluation;
  @Mixin MarginOptions margins;

  @Option(names = "--out", paramLabel = "DIR", description = "Report folder, replaced atomically (default: ${DEFAULT-VALUE}).")
  @Output(Output.Kind.REPORT_FOLDER)
  Path out = Path.of("report");

  @Override
  public Integer call() throws Exception {
    CompareSettings settings = margins.apply(evaluation.settings(BundledData.demoA(), BundledData.demoB(), common));
    spec.commandLine().getOut().println("embdiff demo: comparing the bundled GloVe Wikipedia 100d and GloVe Twitter 25d data in "
        + BundledData.root());
    spec.commandLine().getOut().flush();
    return CompareCommand.runAndWrite(spec, settings, out, true);
  }
}
