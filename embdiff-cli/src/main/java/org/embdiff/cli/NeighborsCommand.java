package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
import org.embdiff.vec.Neighbor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff neighbors FILE WORD... [-k 10]}: cosine nearest neighbours. */
@Command(name = "neighbors", aliases = "nn", mixinStandardHelpOptions = true, description = "Print the cosine nearest neighbours of words.")
final class NeighborsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(index = "0", paramLabel = "FILE", description = "Vector file.")
  Path file;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "WORD", description = "Query words.")
  List<String> words;

  @Option(names = {"-k", "--top"}, description = "Neighbours per word (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @Override
  public Integer call() throws Exception {
    if (k < 1) {
      throw new IllegalArgumentException("-k must be >= 1, got " + k);
    }
    EmbeddingSpace space = input.load(file).space();
    NearestNeighbors nn = new NearestNeighbors(space);
    PrintWriter out = spec.commandLine().getOut();
    int missing = 0;
    for (String word : words) {
      if (!space.contains(word)) {
        spec.commandLine().getErr().println("embdiff: '" + word + "' is not in " + file);
        missing++;
        continue;
      }
      out.println(word);
      List<Neighbor> neighbors = nn.of(word, k);
      for (int i = 0; i < neighbors.size(); i++) {
        out.printf("  %2d  %-24s %.4f%n", i + 1, neighbors.get(i).word(), neighbors.get(i).similarity());
      }
    }
    out.flush();
    return missing == words.size() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }
}
