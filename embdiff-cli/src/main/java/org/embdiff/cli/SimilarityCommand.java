package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.VectorUtil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff similarity FILE W1 W2}: the cosine similarity of two words. */
@Command(name = "similarity", aliases = "sim", mixinStandardHelpOptions = true,
    description = "Print the cosine similarity of two words.")
final class SimilarityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(index = "0", paramLabel = "FILE", description = "Vector file.")
  Path file;

  @Parameters(index = "1", paramLabel = "W1", description = "First word.")
  String first;

  @Parameters(index = "2", paramLabel = "W2", description = "Second word.")
  String second;

  @Override
  public Integer call() throws Exception {
    EmbeddingSpace space = input.load(file).space();
    for (String w : new String[] {first, second}) {
      if (!space.contains(w)) {
        throw new IllegalArgumentException("'" + w + "' is not in " + file + " (" + space.size()
            + " words; words are case-sensitive)");
      }
    }
    float cosine = VectorUtil.cosine(space.vector(first), space.vector(second));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%.6f%n", cosine);
    out.flush();
    return ExitCodes.OK;
  }
}
