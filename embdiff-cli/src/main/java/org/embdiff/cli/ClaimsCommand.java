package org.embdiff.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.embdiff.claims.Claim;
import org.embdiff.claims.ClaimsText;
import org.embdiff.compare.AnalysisSettings;
import org.embdiff.compare.CompareResult;
import org.embdiff.compare.CompareSettings;
import org.embdiff.compare.analyses.AttentionAnalysis;
import org.embdiff.compare.analyses.TransferAnalysis;
import org.embdiff.transfer.LexiconFormat;
import org.embdiff.transfer.TransferSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embdiff claims}: the table of claims with computed verdicts (SPEC section 10), from the
 * same analyses {@code compare} runs; without {@code --a/--b}, on the demo's bundled inputs, so it
 * measures what {@code demo} measures.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
    description = "Print the table of claims (wiki vs Twitter) with measured values, intervals and computed verdicts.")
final class ClaimsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin TwoSidesOptions sides;
  @Mixin EvaluationOptions evaluation;
  @Mixin JsonOutput json;
  @Mixin MarginOptions margins;

  @Option(names = "--tasks", split = ",", paramLabel = "TASK",
      description = "Transfer tasks, among the lexicons (default: every lexicon): ${COMPLETION-CANDIDATES}.",
      completionCandidates = TransferCommand.Tasks.class)
  List<String> tasks;

  @Option(converter = Ranges.PositiveInt.class, names = "--splits", description = "Transfer splits (default: ${DEFAULT-VALUE}).")
  int splits = TransferSettings.defaults(0).splits();

  /**
   * The claims file.
   *
   * @param sideA name of A
   * @param sideB name of B
   * @param claims every claim
   */
  record ClaimsFile(String sideA, String sideB, List<Claim> claims) {}

  @Override
  public Integer call() throws Exception {
    TransferSettings d = TransferSettings.defaults(common.seed());
    TransferSettings experiment = new TransferSettings(splits, d.testFraction(), d.c(), d.eps(), d.minClassSize(), d.bins(),
        d.resamples(), d.level(), d.smoothing(), common.seed());
    AnalysisSettings analyses = AnalysisSettings.defaults().withTransfer(new AnalysisSettings.Transfer(experiment,
        AnalysisSettings.TransferMap.LSTSQ));
    CompareSettings settings = evaluation.settings(sides.a == null ? BundledData.demoA() : sides.sideA(),
        sides.b == null ? BundledData.demoB() : sides.sideB(), common, analyses);
    if (tasks != null) {
      List<Path> chosen = new java.util.ArrayList<>();
      for (Path p : settings.lexicons()) {
        if (tasks.contains(LexiconFormat.detect(p).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))) {
          chosen.add(p);
        }
      }
      settings = new CompareSettings(settings.a(), settings.b(), settings.analogies(), settings.pairs(), chosen,
          settings.probeWords(), settings.seed(), settings.threads(), settings.topWords(), settings.analyses());
    }
    CompareResult result = AnalysisRun.all(margins.apply(settings));
    spec.commandLine().getOut().print(ClaimsText.render(result.claims()));
    spec.commandLine().getOut().flush();
    result.record(TransferAnalysis.Result.class).ifPresent(t -> write("transfer.json", t.transfer()));
    result.record(AttentionAnalysis.Result.class).ifPresent(a -> write("attention.json", a.attention()));
    json.write("claims.json", new ClaimsFile(settings.a().name(), settings.b().name(), result.claims()));
    return ExitCodes.OK;
  }

  private void write(String name, Object value) {
    try {
      json.write(name, value);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
