package org.embdiff.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands. */
@Command(
    name = "embdiff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Compare word-embedding spaces trained on different text domains.",
    subcommands = {
      InfoCommand.class,
      NeighborsCommand.class,
      SimilarityCommand.class,
      ConvertCommand.class,
      CompareCommand.class,
      DemoCommand.class,
      StatsCommand.class,
      VocabCommand.class,
      CooccurCommand.class,
      ShuffleCommand.class,
      TrainCommand.class,
      SpectrumCommand.class,
      EvalCommand.class,
      AnalogyCommand.class,
      AlignCommand.class,
      ShiftCommand.class,
      GeometryCommand.class,
      TransferCommand.class,
      AttentionCommand.class,
      ClaimsCommand.class,
    })
final class EmbdiffCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
