package org.embdiff.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceCounter;
import org.embdiff.cooc.CooccurrenceOptions;
import org.embdiff.cooc.CooccurrenceSummary;
import org.embdiff.cooc.CorpusVocabulary;
import org.embdiff.cooc.CrecReader;
import org.embdiff.cooc.CrecShuffler;
import org.embdiff.io.VectorFormat;
import org.embdiff.io.VectorWriter;
import org.embdiff.train.GloveModel;
import org.embdiff.train.GloveOptions;
import org.embdiff.train.GloveOutput;
import org.embdiff.train.GloveTrainer;
import org.embdiff.train.LogCountDiagnostic;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embdiff train glove}: GloVe from CREC records or straight from corpora. */
@Command(name = "glove", mixinStandardHelpOptions = true,
    description = {"Train GloVe vectors (AdaGrad, lock-free threads) as Stanford glove does.",
        "Either from shuffled CREC records (--input X.crec --vocab-file V) or from corpora (--corpus FILE|DIR...):",
        "then the vocabulary, co-occurrences and shuffle are done first, in --work-dir."})
final class TrainGloveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--input", description = "CREC records (shuffled, as glove expects; see --shuffle).")
    Path input;

    @Option(names = "--corpus", arity = "1..*", description = "Corpus files or directories (one document a line).")
    List<Path> corpus;
  }

  @Option(names = "--vocab-file", description = "Vocabulary of the records (required with --input).")
  Path vocabFile;

  @Mixin CorpusOptions corpusOptions = new CorpusOptions(5);

  @Mixin WindowOptions windowOptions;

  @Option(names = "--shuffle", description = "Shuffle --input records before training (into --work-dir).")
  boolean shuffle;

  @Option(names = {"-o", "--output"}, required = true, description = "Vector file to write.")
  @Output(Output.Kind.FILE)
  Path output;

  @Option(names = "--format", converter = EnumWords.Formats.class, paramLabel = "FORMAT",
      description = "Output format: glove, word2vec, word2vec-binary, fasttext or embdiff (default: glove).")
  VectorFormat format = VectorFormat.GLOVE;

  @Option(converter = Ranges.PositiveInt.class, names = "--vector-size", description = "Dimension (default: ${DEFAULT-VALUE}).")
  int vectorSize = 50;

  @Option(converter = Ranges.PositiveInt.class, names = "--iter", description = "Iterations (default: ${DEFAULT-VALUE}).")
  int iter = 25;

  @Option(converter = Ranges.PositiveDouble.class, names = "--eta", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
  double eta = 0.05;

  @Option(converter = Ranges.PositiveDouble.class, names = "--alpha", description = "Weighting exponent (default: ${DEFAULT-VALUE}).")
  double alpha = 0.75;

  @Option(converter = Ranges.PositiveDouble.class, names = "--x-max", description = "Weighting cutoff (default: ${DEFAULT-VALUE}).")
  double xMax = 100;

  @Option(converter = Ranges.PositiveDouble.class, names = "--grad-clip", description = "Gradient clip of the word vectors (default: ${DEFAULT-VALUE}).")
  double gradClip = 100;

  @Option(converter = Ranges.GloveModelNumber.class, names = "--model", description = "0: word+context vectors with biases; 1: word vectors; 2: word + context (default: ${DEFAULT-VALUE}).")
  int model = 2;

  @Option(names = "--no-unk", description = "Do not append the <unk> vector (mean of the 100 rarest words) that the C tool writes.")
  boolean noUnk;

  @Option(names = "--work-dir", description = "Where --corpus/--shuffle intermediate files go (default: OUTPUT.work).")
  Path workDir;

  @Option(names = "--checkpoint", description = "Write a checkpoint here after each --checkpoint-every iterations.")
  @Output(Output.Kind.FILE)
  Path checkpoint;

  @Option(converter = Ranges.PositiveInt.class, names = "--checkpoint-every", description = "Iterations between checkpoints (default: ${DEFAULT-VALUE}).")
  int checkpointEvery = 1;

  @Option(names = "--resume", description = "Continue from this checkpoint.")
  Path resume;

  @Option(names = "--diagnostic", description = "Report how well w.w~ + b + b~ fits log X (the GloVe objective's residuals, by count band).")
  boolean diagnostic;

  @Option(names = "--json", description = "Also write costs, settings and summaries as JSON here.")
  @Output(Output.Kind.FILE)
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    GloveOptions options = new GloveOptions(vectorSize, iter, eta, alpha, xMax, common.threads(), common.seed(), model,
        gradClip);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("options", options);
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      ByteVocabulary vocab;
      Path records;
      Path work = workDir != null ? workDir : output.resolveSibling(output.getFileName() + ".work");
      if (source.corpus != null) {
        List<Path> files = corpusOptions.files(source.corpus);
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        CorpusVocabulary.Result counted = CorpusVocabulary.count(files, corpusOptions.minCount, 0, common.threads(), progress);
        vocab = counted.vocabulary();
        if (vocab.size() == 0) {
          throw new IllegalArgumentException("empty vocabulary: no word of " + files.size()
              + " corpus file(s) occurs --min-count " + corpusOptions.minCount + " times");
        }
        vocab.write(work.resolve("vocab.txt"));
        out.printf("corpus:      %d file(s), %,d tokens, %,d words with count >= %d (%.1f s)%n", files.size(),
            counted.tokens(), vocab.size(), corpusOptions.minCount, (System.nanoTime() - t0) / 1e9);
        Path crec = work.resolve("cooccurrence.bin");
        CooccurrenceOptions co = CooccurCommand.options(windowOptions.window, true, false, windowOptions.memoryGb, common.threads(), work);
        CooccurrenceSummary s = new CooccurrenceCounter(vocab, co).count(files, crec, progress);
        out.printf("cooccur:     %,d records, sum %.4f, density %.3e, power-law alpha %.3f (%.1f s)%n", s.records(),
            s.sum(), s.density(), s.powerLaw().alphaMle(), s.seconds());
        report.put("corpus", files.stream().map(Path::toString).toList());
        report.put("cooccurrence", s);
        records = work.resolve("cooccurrence.shuf.bin");
        CrecShuffler.shuffle(crec, records, 1L << 30, common.seed(), work, progress);
        Files.deleteIfExists(crec);
      } else {
        if (vocabFile == null) {
          throw new IllegalArgumentException("--input needs --vocab-file (the vocabulary the records were counted with)");
        }
        vocab = ByteVocabulary.read(vocabFile);
        records = source.input;
        CrecReader.recordCount(records);
        if (shuffle) {
          Files.createDirectories(work);
          Path shuffled = work.resolve("cooccurrence.shuf.bin");
          CrecShuffler.shuffle(records, shuffled, 1L << 30, common.seed(), work, progress);
          records = shuffled;
        }
      }
      GloveModel m;
      if (resume != null) {
        m = GloveModel.readCheckpoint(resume);
        if (m.vocabSize() != vocab.size() || m.dim() != vectorSize) {
          throw new IllegalArgumentException("checkpoint " + resume + " has " + m.vocabSize() + " words x " + m.dim()
              + " dims, but the vocabulary has " + vocab.size() + " words and --vector-size is " + vectorSize);
        }
        out.printf("resuming:    after iteration %d from %s%n", m.iterationsDone(), resume);
      } else {
        m = GloveModel.initialize(vocab.size(), vectorSize, common.seed());
      }
      long n = CrecReader.recordCount(records);
      out.printf("training:    %,d records, %,d words, %d dims, %d threads%n", n, vocab.size(), vectorSize,
          common.threads());
      out.flush();
      List<Map<String, Object>> costs = new ArrayList<>();
      final GloveModel model0 = m;
      new GloveTrainer(options).train(m, records, (it, cost, secs) -> {
        out.printf("iter: %03d, cost: %f, %.2f s%n", it, cost, secs);
        out.flush();
        costs.add(Map.of("iteration", it, "cost", cost, "seconds", secs));
        if (checkpoint != null && (it % checkpointEvery == 0 || it == iter)) {
          model0.writeCheckpoint(checkpoint);
        }
      }, progress);
      report.put("iterations", costs);
      org.embdiff.vec.EmbeddingSpace space = GloveOutput.space(m, vocab.words(), model, !noUnk);
      VectorWriter.write(space, output, format, progress);
      boolean withUnk = space.size() > vocab.size();
      out.printf("wrote:       %s (%s, model %d, %,d x %d%s)%n", output, format.cliName(), model, space.size(), space.dim(),
          withUnk ? ", with the <unk> row" : noUnk ? "" : "; no <unk> row added: the corpus has that word");
      if (diagnostic) {
        LogCountDiagnostic d = LogCountDiagnostic.compute(m, records, xMax, alpha);
        printDiagnostic(out, d);
        report.put("logCountDiagnostic", d);
      }
      if (source.corpus != null) {
        Files.deleteIfExists(records);
      }
      if (json != null) {
        CooccurCommand.writeJson(json, report);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static void printDiagnostic(PrintWriter out, LogCountDiagnostic d) {
    out.printf("log-count:   f-weighted corr(w.w~ + b + b~, log X) %.4f, weighted RMS residual %.4f, unweighted corr %.4f over %,d pairs%n",
        d.weightedCorrelation(), d.weightedRmse(), d.correlation(), d.records());
    out.println(String.format(java.util.Locale.ROOT, DIAGNOSTIC_HEAD, "X bin", "pairs", "corr", "mean resid", "RMS"));
    for (LogCountDiagnostic.Bin b : d.bins()) {
      out.println(String.format(java.util.Locale.ROOT, DIAGNOSTIC_ROW, "[" + bound(b.low()) + ", " + bound(b.high()) + ")",
          b.records(), b.correlation(), b.meanResidual(), b.rmse()));
    }
  }

  // one width per column, shared by the heading and the rows
  private static final String DIAGNOSTIC_HEAD = "             %-20s %14s %9s %11s %9s";
  private static final String DIAGNOSTIC_ROW = "             %-20s %,14d %9.4f %11.4f %9.4f";

  private static String bound(double x) {
    if (Double.isInfinite(x)) {
      return "inf";
    }
    return x == Math.rint(x) && Math.abs(x) < 1e9 ? String.valueOf((long) x) : String.format(java.util.Locale.ROOT, "%.3g", x);
  }
}
