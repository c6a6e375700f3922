package org.embdiff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.embdiff.util.AtomicFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embdiff.cooc.ByteVocabulary;
import org.embdiff.cooc.CooccurrenceCounter;
import org.embdiff.cooc.CooccurrenceOptions;
import org.embdiff.cooc.CooccurrenceSummary;
import org.embdiff.cooc.CorpusVocabulary;
import org.embdiff.cooc.CountingEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff cooccur CORPUS... -o X.crec}: Stanford-compatible co-occurrence counting. */
@Command(name = "cooccur", mixinStandardHelpOptions = true,
    description = {"Count word-word co-occurrences X_ij as Stanford GloVe's cooccur (same records, same binary CREC format).",
        "Tokens are split on space/tab; a window never crosses a line; out-of-vocabulary tokens are dropped first.",
        "Without --vocab-file the vocabulary is counted (as vocab_count) and written next to the output."})
final class CooccurCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Mixin EngineOptions engine;

  @Parameters(paramLabel = "CORPUS", arity = "1..*", description = "Corpus files or directories (one document a line; plain, .gz, .bz2, .xz, .zip; with --engine spark also Hadoop URIs).")
  List<String> corpora;

  @Mixin CorpusOptions corpus = new CorpusOptions(5);

  @Mixin WindowOptions windowOptions;

  @Option(names = {"-o", "--output"}, required = true, description = "Output CREC file (int32 word, int32 context, float64 value, little endian); with --engine spark a URI (hdfs://...) is a directory of part files.")
  String output;

  @Option(names = "--vocab-file", description = "Stanford vocab.txt to use (word count per line, ids in line order).")
  Path vocabFile;

  @Option(names = "--vocab-out", description = "Where to write the counted vocabulary (default: OUTPUT with .vocab.txt).")
  @Output(Output.Kind.FILE)
  Path vocabOut;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--max-vocab", description = "Keep at most this many words (0 = all; default: ${DEFAULT-VALUE}).")
  int maxVocab;

  @ArgGroup(exclusive = true)
  Context context = new Context();

  static final class Context {
    @Option(names = "--symmetric", description = "Left and right context (default).")
    boolean symmetric = true;

    @Option(names = "--left", description = "Left context only: records (left word, right word).")
    boolean left;
  }

  @Option(names = "--force", description = "Replace an existing vocabulary file (the counted vocabulary written beside the output).")
  boolean force;

  @Option(names = "--flat", description = "Each pair adds 1 instead of 1/distance.")
  boolean flat;

  @Option(names = "--temp-dir", description = "Directory for spilled runs (default: system temp).")
  Path tempDir;

  @Option(names = "--json", description = "Also write the summary as JSON here.")
  @Output(Output.Kind.FILE)
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path vocabTarget = vocabOut != null ? vocabOut : defaultVocabPath(output);
    if (vocabFile == null && !force && java.nio.file.Files.exists(vocabTarget)) {
      throw new IllegalArgumentException("the vocabulary file " + vocabTarget + " already exists; pass --force to replace it, "
          + "--vocab-file " + vocabTarget + " to use it, or --vocab-out FILE to write the vocabulary elsewhere");
    }
    CooccurrenceOptions options = options(windowOptions.window, !context.left, flat, windowOptions.memoryGb, common.threads(), tempDir);
    if (engine.isSpark()) {
      List<String> inputs = EngineOptions.sparkInputs(corpora, corpus::files);
      try (CountingEngine e = engine.open()) {
        out.printf("engine:      %s%n", e.description());
        count(out, options, null, e, inputs);
      } catch (RuntimeException e) {
        throw EngineOptions.unwrap(e);
      }
    } else {
      if (EngineOptions.isUri(output)) {
        throw new IllegalArgumentException("--output " + output + " is a URI; write it with --engine spark");
      }
      OutputCheck.check(Path.of(output), Output.Kind.FILE);
      count(out, options, corpus.files(EngineOptions.localPaths(corpora)), null, null);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Counts with the local engine ({@code files}) or with {@code engine} ({@code inputs}). */
  private void count(PrintWriter out, CooccurrenceOptions options, List<Path> files, CountingEngine engine,
      List<String> inputs) throws java.io.IOException {
    AtomicFiles.Pending vocabWrite = null;
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      ByteVocabulary vocab;
      long t0 = System.nanoTime();
      if (vocabFile != null) {
        vocab = ByteVocabulary.read(vocabFile);
        out.printf("vocabulary:  %,d words from %s%n", vocab.size(), vocabFile);
      } else {
        CorpusVocabulary.Result counted = engine == null
            ? CorpusVocabulary.count(files, corpus.minCount, maxVocab, common.threads(), progress)
            : engine.countVocabulary(inputs, corpus.glob, corpus.minCount, maxVocab);
        vocab = counted.vocabulary();
        if (vocab.size() == 0) {
          throw new IllegalArgumentException("empty vocabulary: no word of the corpus occurs --min-count " + corpus.minCount
              + " times");
        }
        Path v = vocabOut != null ? vocabOut : defaultVocabPath(output);
        // renamed over the old one only after the records are written: a crash never pairs them wrongly
        ByteVocabulary toWrite = vocab;
        vocabWrite = AtomicFiles.prepare(v, toWrite::writeTo);
        out.printf("vocabulary:  %,d words (min-count %d) of %,d types, %,d tokens, %.2f s -> %s%n", vocab.size(),
            corpus.minCount, counted.types(), counted.tokens(), (System.nanoTime() - t0) / 1e9, v);
      }
      if (vocab.size() == 0) {
        throw new IllegalArgumentException("empty vocabulary: no word occurs --min-count " + corpus.minCount + " times");
      }
      CooccurrenceSummary s = engine == null
          ? new CooccurrenceCounter(vocab, options).count(files, Path.of(output), progress)
          : engine.cooccur(inputs, corpus.glob, vocab, options, output);
      if (vocabWrite != null) {
        vocabWrite.commit();
      }
      print(out, s, output);
      if (json != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", output);
        m.put("options", options);
        m.put("summary", s);
        writeJson(json, m);
      }
    } finally {
      if (vocabWrite != null) {
        vocabWrite.close();
      }
    }
  }

  static CooccurrenceOptions options(int window, boolean symmetric, boolean flat, Double memoryGb, int threads, Path tempDir) {
    long mem = memoryGb == null ? CooccurrenceOptions.defaultMemory() : (long) (memoryGb * (1L << 30));
    return new CooccurrenceOptions(window, symmetric, !flat, mem, threads, tempDir);
  }

  /** OUTPUT with .vocab.txt; for a URI output, that name in the working directory. */
  static Path defaultVocabPath(String output) {
    boolean uri = EngineOptions.isUri(output);
    String trimmed = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    Path path = uri ? Path.of(trimmed.substring(trimmed.lastIndexOf('/') + 1)) : Path.of(output);
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return uri ? Path.of(base + ".vocab.txt") : path.resolveSibling(base + ".vocab.txt");
  }

  static void print(PrintWriter out, CooccurrenceSummary s, Object output) {
    out.printf("tokens:      %,d (%,d in the vocabulary)%n", s.tokens(), s.vocabularyTokens());
    out.printf("records:     %,d non-zero X_ij (density %.3e of %,d^2)%n", s.records(), s.density(), s.vocabularySize());
    out.printf("sum of X:    %.7f (max %.4f)%n", s.sum(), s.max());
    out.printf("power law:   alpha %.3f (MLE of X >= %.0f, %,d values; log-log fit %.3f)%n", s.powerLaw().alphaMle(),
        s.powerLaw().xmin(), s.powerLaw().tailCount(), s.powerLaw().alphaLogLog());
    out.printf("memory:      dense max-product %,d; %d sorted runs, %d spilled to disk%n", s.maxProduct(), s.runs(),
        s.spilledRuns());
    out.printf("time:        %.2f s -> %s%n", s.seconds(), output);
  }

  static void writeJson(Path path, Object value) throws java.io.IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    org.embdiff.util.AtomicFiles.write(path, os -> mapper.writeValue(new java.io.FilterOutputStream(os) {
      @Override
      public void close() throws java.io.IOException {
        flush();
      }
    }, value));
  }
}
