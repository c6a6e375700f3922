package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embdiff.cooc.CrecShuffler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff shuffle IN -o OUT}: shuffles CREC records in bounded memory. */
@Command(name = "shuffle", mixinStandardHelpOptions = true,
    description = "Shuffle CREC co-occurrence records (as Stanford shuffle) in bounded memory; deterministic for --seed.")
final class ShuffleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "IN", description = "CREC file to shuffle.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, description = "Shuffled CREC file.")
  @Output(Output.Kind.FILE)
  Path output;

  @Option(converter = Ranges.PositiveDouble.class, names = "--memory", description = "Memory bound in GB (default: ${DEFAULT-VALUE}).")
  double memoryGb = 2.0;

  @Option(names = "--temp-dir", description = "Directory for temporary chunks (default: beside the output).")
  Path tempDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      long n = CrecShuffler.shuffle(input, output, (long) (memoryGb * (1L << 30)), common.seed(), tempDir, progress);
      out.printf("shuffled %,d records (seed %d) in %.2f s -> %s%n", n, common.seed(), (System.nanoTime() - t0) / 1e9,
          output);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
