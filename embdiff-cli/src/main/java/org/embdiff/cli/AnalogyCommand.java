package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.embdiff.eval.AnalogyEvaluator;
import org.embdiff.eval.AnalogyMethod;
import org.embdiff.eval.AnalogySettings;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.Neighbor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff analogy FILE a b c}: answers a : b :: c : ? (b - a + c). */
@Command(name = "analogy", mixinStandardHelpOptions = true,
    description = "Answer a : b :: c : ? (e.g. 'man king woman' -> queen), question words excluded.")
final class AnalogyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(index = "0", paramLabel = "FILE", description = "Vector file.")
  Path file;

  @Parameters(index = "1", paramLabel = "A") String a;
  @Parameters(index = "2", paramLabel = "B") String b;
  @Parameters(index = "3", paramLabel = "C") String c;

  @Option(converter = Ranges.PositiveInt.class, names = {"-k", "--top"}, description = "Answers to print (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @Option(names = "--method", description = "3cosadd or 3cosmul (default: 3cosadd).", converter = EvalCommand.MethodConverter.class)
  AnalogyMethod method = AnalogyMethod.COS_ADD;

  @Option(converter = Ranges.PositiveInt.class, names = "--restrict-vocab", paramLabel = "N", description = "Only the first N words answer (default: ${DEFAULT-VALUE}).")
  int restrictVocab = AnalogySettings.DEFAULT_RESTRICT;

  @Override
  public Integer call() throws Exception {
    if (k < 1) {
      throw new IllegalArgumentException("-k must be >= 1, got " + k);
    }
    if (restrictVocab < 1) {
      throw new IllegalArgumentException("--restrict-vocab must be >= 1, got " + restrictVocab);
    }
    EmbeddingSpace space = input.load(file).space();
    AnalogySettings settings = AnalogySettings.defaults().withMethod(method).withRestrictVocab(restrictVocab);
    List<Neighbor> answers = AnalogyEvaluator.answer(space, a, b, c, settings, k);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s : %s :: %s : ?   (%s)%n", a, b, c, method == AnalogyMethod.COS_ADD ? "3CosAdd, cosine with b - a + c" : "3CosMul");
    for (int i = 0; i < answers.size(); i++) {
      out.printf("  %2d  %-24s %.4f%n", i + 1, answers.get(i).word(), answers.get(i).similarity());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
