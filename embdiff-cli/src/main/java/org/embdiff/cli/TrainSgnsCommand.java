package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorWriter;
import org.embdiff.train.SgnsOptions;
import org.embdiff.train.SgnsTrainer;
import org.embdiff.train.TokenCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embdiff train sgns}: skip-gram with negative sampling, as word2vec and gensim train it. */
@Command(name = "sgns", mixinStandardHelpOptions = true,
    description = {"Train skip-gram vectors with negative sampling (word2vec's SGNS) on whitespace-tokenized corpora.",
        "One document a line; frequent-word subsampling, dynamic window, linearly decaying learning rate, "
            + "lock-free threads. With --threads 1 and a --seed the vectors are reproducible bit for bit."})
final class TrainSgnsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--corpus", arity = "1..*", required = true, description = "Corpus files or directories (one document a line).")
  List<Path> corpus;

  @Mixin CorpusOptions corpusOptions = new CorpusOptions(5);

  @Option(names = {"-o", "--output"}, required = true, description = "Vector file to write.")
  @Output(Output.Kind.FILE)
  Path output;

  @Option(names = "--format", converter = EnumWords.Formats.class, paramLabel = "FORMAT",
      description = "Output format: glove, word2vec, word2vec-binary, fasttext or embdiff (default: word2vec).")
  VectorFormat format = VectorFormat.WORD2VEC_TEXT;

  @Option(converter = Ranges.PositiveInt.class, names = {"--dim", "--size"}, description = "Dimension (default: ${DEFAULT-VALUE}).")
  int dim = 100;

  @Option(converter = Ranges.PositiveInt.class, names = "--window", description = "Largest window; each word draws its own in 1..window (default: ${DEFAULT-VALUE}).")
  int window = 5;

  @Option(converter = Ranges.PositiveInt.class, names = "--negative", description = "Noise words per context (default: ${DEFAULT-VALUE}).")
  int negative = 5;

  @Option(converter = Ranges.PositiveInt.class, names = {"--epochs", "--iter"}, description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(converter = Ranges.NonNegativeDouble.class, names = "--sample", description = "Subsampling threshold of frequent words, 0 = off (default: ${DEFAULT-VALUE}).")
  double sample = 1e-3;

  @Option(converter = Ranges.PositiveDouble.class, names = "--alpha", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
  double alpha = 0.025;

  @Option(converter = Ranges.NonNegativeDouble.class, names = "--min-alpha", description = "Final learning rate (default: ${DEFAULT-VALUE}).")
  double minAlpha = 1e-4;

  @Option(names = "--noise", converter = NoiseWords.class, paramLabel = "MODE",
      description = "Noise words: shared (drawn once per window and shared by its context words) or per-pair "
          + "(fresh for every centre-context pair, as word2vec and gensim) (default: ${DEFAULT-VALUE}).")
  Noise noise = Noise.PER_PAIR;

  @Option(names = "--json", description = "Also write settings and timings as JSON here.")
  @Output(Output.Kind.FILE)
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    SgnsOptions options = new SgnsOptions(dim, window, negative, epochs, sample, alpha, minAlpha, common.threads(),
        common.seed(), noise == Noise.SHARED);
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      List<Path> files = corpusOptions.files(corpus);
      long t0 = System.nanoTime();
      TokenCorpus tokens = TokenCorpus.read(files, corpusOptions.minCount, common.threads(), progress);
      double readSeconds = (System.nanoTime() - t0) / 1e9;
      out.printf("corpus:      %d file(s), %,d lines, %,d tokens, %,d words with count >= %d, %,d tokens kept (%.1f s)%n",
          files.size(), tokens.lines(), tokens.rawTokens(), tokens.vocabularySize(), corpusOptions.minCount, tokens.size(), readSeconds);
      out.flush();
      SgnsTrainer.Result r = new SgnsTrainer(options).train(tokens, progress);
      out.printf("training:    %d dims, window %d, %d negatives (%s noise), %d epoch(s), %d thread(s): %.1f s, %,.0f words/s%n",
          dim, window, negative, noise, epochs, common.threads(), r.seconds(), r.wordsPerSecond());
      VectorWriter.write(r.space(), output, format, progress);
      out.printf("wrote:       %s (%s, %,d x %d)%n", output, format.cliName(), r.space().size(), r.space().dim());
      if (json != null) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("options", options);
        report.put("minCount", corpusOptions.minCount);
        report.put("corpus", files.stream().map(Path::toString).toList());
        report.put("lines", tokens.lines());
        report.put("tokens", tokens.rawTokens());
        report.put("vocabulary", tokens.vocabularySize());
        report.put("readSeconds", readSeconds);
        report.put("trainSeconds", r.seconds());
        report.put("wordsPerSecond", r.wordsPerSecond());
        CooccurCommand.writeJson(json, report);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Where the noise words of a step are drawn. */
  enum Noise {
    SHARED, PER_PAIR;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The {@code --noise} words. */
  static final class NoiseWords extends EnumWords<Noise> {
    NoiseWords() {
      super(Noise.class, Map.of());
    }
  }
}
