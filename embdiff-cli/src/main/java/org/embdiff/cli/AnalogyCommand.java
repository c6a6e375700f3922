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
import org.embdiff.vec.WordLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff analogy FILE a b c}: answers a : b :: c : ? (b - a + c). */
@Command(name = "analogy", mixinStandardHelpOptions = true,
    description = {"Answer A : B :: C : ? (e.g. 'man king woman' -> queen), question words excluded.",
        "Each word is looked up exactly; only when that form is absent, the same word in another case is used "
            + "(and named on stderr). 'eval' instead follows gensim: case-insensitive throughout."})
final class AnalogyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(index = "0", paramLabel = "FILE", description = "Vector file.")
  Path file;

  @Parameters(index = "1", paramLabel = "A", description = "First word of the known pair (man).")
  String a;

  @Parameters(index = "2", paramLabel = "B", description = "Second word of the known pair (king): A is to B ...")
  String b;

  @Parameters(index = "3", paramLabel = "C", description = "... as C (woman) is to the answer; answers are ranked by cosine with B - A + C.")
  String c;

  @Option(converter = Ranges.PositiveInt.class, names = {"-k", "--top"}, description = "Answers to print (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @Option(names = "--method", description = "3cosadd or 3cosmul (default: 3cosadd).", converter = EnumWords.AnalogyMethods.class)
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
    int candidates = Math.min(restrictVocab, space.size());
    String[] words = new String[3];
    String[] typed = {a, b, c};
    for (int i = 0; i < 3; i++) {
      WordLookup.Match m = WordLookups.find(space, typed[i], candidates, file, spec.commandLine().getErr());
      if (m == null) {
        throw new IllegalArgumentException("'" + typed[i] + "' is not among the " + String.format("%,d", candidates)
            + " candidate words of " + file + ", in any case; try another word or a larger --restrict-vocab");
      }
      words[i] = m.word();
    }
    AnalogySettings settings = AnalogySettings.defaults().withMethod(method).withRestrictVocab(restrictVocab)
        .withCaseInsensitive(false);
    List<Neighbor> answers = AnalogyEvaluator.answer(space, words[0], words[1], words[2], settings, k);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s : %s :: %s : ?   (%s)%n", TerminalText.word(words[0]), TerminalText.word(words[1]),
        TerminalText.word(words[2]),
        method == AnalogyMethod.COS_ADD ? "3cosadd, cosine with B - A + C" : "3cosmul");
    for (int i = 0; i < answers.size(); i++) {
      out.printf("  %2d  %-24s %.4f%n", i + 1, TerminalText.word(answers.get(i).word()), answers.get(i).similarity());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
