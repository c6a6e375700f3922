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

  @Parameters(paramLabel = "CORPUS", arity = "1..*", description = "Corpus files or directories (one document a line; plain, .gz, .bz2, .xz, .zip).")
  List<Path> corpora;

  @Option(names = "--glob", description = "Files to take from corpus directories (default: ${DEFAULT-VALUE}).")
  String glob = "*.gz";

  @Option(names = {"-o", "--output"}, required = true, description = "Output CREC file (int32 word, int32 context, float64 value, little endian).")
  Path output;

  @Option(names = "--vocab-file", description = "Stanford vocab.txt to use (word count per line, ids in line order).")
  Path vocabFile;

  @Option(names = "--vocab-out", description = "Where to write the counted vocabulary (default: OUTPUT with .vocab.txt).")
  Path vocabOut;

  @Option(names = "--min-count", description = "Keep words seen at least this often (default: ${DEFAULT-VALUE}).")
  long minCount = 5;

  @Option(names = "--max-vocab", description = "Keep at most this many words (0 = all; default: ${DEFAULT-VALUE}).")
  int maxVocab;

  @Option(names = "--window", description = "Context words on each side (default: ${DEFAULT-VALUE}).")
  int window = 10;

  @ArgGroup(exclusive = true)
  Context context = new Context();

  static final class Context {
    @Option(names = "--symmetric", description = "Left and right context (default).")
    boolean symmetric = true;

    @Option(names = "--left", description = "Left context only: records (left word, right word).")
    boolean left;
  }

  @Option(names = "--flat", description = "Each pair adds 1 instead of 1/distance.")
  boolean flat;

  @Option(names = "--memory", description = "Soft memory bound in GB (default: min(4, half the heap)); beyond it sorted runs spill to disk.")
  Double memoryGb;

  @Option(names = "--temp-dir", description = "Directory for spilled runs (default: system temp).")
  Path tempDir;

  @Option(names = "--json", description = "Also write the summary as JSON here.")
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = CorpusFiles.expand(corpora, glob);
    CooccurrenceOptions options = options(window, !context.left, flat, memoryGb, common.threads(), tempDir);
    AtomicFiles.Pending vocabWrite = null;
    try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
      ByteVocabulary vocab;
      long t0 = System.nanoTime();
      if (vocabFile != null) {
        vocab = ByteVocabulary.read(vocabFile);
        out.printf("vocabulary:  %,d words from %s%n", vocab.size(), vocabFile);
      } else {
        CorpusVocabulary.Result counted = CorpusVocabulary.count(files, minCount, maxVocab, common.threads(), progress);
        vocab = counted.vocabulary();
        if (vocab.size() == 0) {
          throw new IllegalArgumentException("empty vocabulary: no word of " + files.size()
              + " corpus file(s) occurs --min-count " + minCount + " times");
        }
        Path v = vocabOut != null ? vocabOut : defaultVocabPath(output);
        // renamed over the old one only after the records are written: a crash never pairs them wrongly
        ByteVocabulary toWrite = vocab;
        vocabWrite = AtomicFiles.prepare(v, toWrite::writeTo);
        out.printf("vocabulary:  %,d words (min-count %d) of %,d types, %,d tokens, %.2f s -> %s%n", vocab.size(),
            minCount, counted.types(), counted.tokens(), (System.nanoTime() - t0) / 1e9, v);
      }
      if (vocab.size() == 0) {
        throw new IllegalArgumentException("empty vocabulary: no word occurs --min-count " + minCount + " times");
      }
      CooccurrenceSummary s = new CooccurrenceCounter(vocab, options).count(files, output, progress);
      if (vocabWrite != null) {
        vocabWrite.commit();
      }
      print(out, s, output);
      if (json != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", output.toString());
        m.put("options", options);
        m.put("summary", s);
        writeJson(json, m);
      }
    } finally {
      if (vocabWrite != null) {
        vocabWrite.close();
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static CooccurrenceOptions options(int window, boolean symmetric, boolean flat, Double memoryGb, int threads, Path tempDir) {
    long mem = memoryGb == null ? CooccurrenceOptions.defaultMemory() : (long) (memoryGb * (1L << 30));
    return new CooccurrenceOptions(window, symmetric, !flat, mem, threads, tempDir);
  }

  static Path defaultVocabPath(Path output) {
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return output.resolveSibling(base + ".vocab.txt");
  }

  static void print(PrintWriter out, CooccurrenceSummary s, Path output) {
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
