package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.VectorUtil;
import org.embdiff.vec.WordLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff similarity FILE W1 W2}: the cosine similarity of two words. */
@Command(name = "similarity", aliases = "sim", mixinStandardHelpOptions = true,
    description = {"Print the cosine similarity of two words.",
        "Each word is looked up exactly; only when that form is absent, the same word in another case is used "
            + "(and named on stderr)."})
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
    PrintWriter err = spec.commandLine().getErr();
    int[] rows = new int[2];
    String[] typed = {first, second};
    for (int i = 0; i < 2; i++) {
      WordLookup.Match m = WordLookups.find(space, typed[i], space.size(), file, err);
      if (m == null) {
        throw new IllegalArgumentException(WordLookups.absent(typed[i], file, space.size()));
      }
      rows[i] = m.row();
    }
    float cosine = VectorUtil.cosine(space.vector(rows[0]), space.vector(rows[1]));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%.6f%n", cosine);
    out.flush();
    return ExitCodes.OK;
  }
}
