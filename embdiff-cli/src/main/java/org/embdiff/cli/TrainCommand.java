package org.embdiff.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code embdiff train MODEL}: trains word vectors from a corpus or co-occurrence records. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train word vectors.",
    subcommands = {TrainGloveCommand.class, TrainSgnsCommand.class})
final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
