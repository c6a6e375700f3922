package org.embdiff.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level command. Its subcommands are listed in {@link #SUBCOMMANDS} (not in the annotation),
 * so that {@link Main} can register only the one being invoked: picocli builds each command's model by
 * reflection, which costs more start-up time than a fast command itself.
 */
@Command(
    name = "embdiff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Compare word-embedding spaces trained on different text domains.")
final class EmbdiffCommand implements Runnable {
  /** Every subcommand, in the order {@code embdiff --help} lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(
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
      ServeCommand.class);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
