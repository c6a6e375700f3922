package org.embdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.embdiff.io.MappedEmbeddings;
import org.embdiff.vec.EmbeddingSpace;
import org.embdiff.vec.NearestNeighbors;
import org.embdiff.vec.Neighbor;
import org.embdiff.vec.VectorUtil;
import org.embdiff.vec.WordLookup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code embdiff neighbors FILE WORD... [-k 10]}: cosine nearest neighbours. With {@code
 * --queries-file F} or {@code --random-queries N} the queries run as one batch (blocked matrix
 * multiply) and the throughput is printed to stderr.
 */
@Command(name = "neighbors", aliases = "nn", mixinStandardHelpOptions = true, description = {"Print the cosine nearest neighbours of words.",
        "Each word is looked up exactly; only when that form is absent, the same word in another case is used "
            + "(and named on stderr)."})
final class NeighborsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin VectorInputOptions input;

  @Parameters(index = "0", paramLabel = "FILE", description = "Vector file.")
  Path file;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "WORD", description = "Query words.")
  List<String> words = new ArrayList<>();

  @Option(converter = Ranges.PositiveInt.class, names = {"-k", "--top"}, description = "Neighbours per word (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @ArgGroup(exclusive = true)
  Batch batch;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--restrict", paramLabel = "N", description = "Batch mode: search only the N most frequent words (default: all).")
  int restrict;

  /** The two ways to give a batch of queries. */
  static final class Batch {
    @Option(names = "--queries-file", paramLabel = "F", description = "Batch mode: query words, one per line (first token).")
    Path queriesFile;

    @Option(converter = Ranges.PositiveInt.class, names = "--random-queries", paramLabel = "N", description = "Batch mode: N distinct random words (seeded by --seed).")
    int randomQueries;
  }

  @Override
  public Integer call() throws Exception {
    if (k < 1) {
      throw new IllegalArgumentException("-k must be >= 1, got " + k);
    }
    if (batch == null && words.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing query: give WORD..., --queries-file F or --random-queries N");
    }
    if (batch != null && batch.queriesFile == null && batch.randomQueries < 1) {
      throw new IllegalArgumentException("--random-queries must be >= 1, got " + batch.randomQueries);
    }
    if (restrict < 0) {
      throw new IllegalArgumentException("--restrict must be >= 0 (0 = all), got " + restrict);
    }
    if (batch == null && input.isPlain() && MappedEmbeddings.isCache(file) && fromMapping()) {
      return ExitCodes.OK;
    }
    EmbeddingSpace space = input.load(file).space();
    NearestNeighbors nn = new NearestNeighbors(space);
    PrintWriter out = spec.commandLine().getOut();
    if (batch != null) {
      return runBatch(space, nn, out);
    }
    int missing = 0;
    for (String word : words) {
      WordLookup.Match m = WordLookups.find(space, word, space.size(), file, spec.commandLine().getErr());
      if (m == null) {
        spec.commandLine().getErr().println("embdiff: " + WordLookups.absent(word, file, space.size()));
        missing++;
        continue;
      }
      print(out, m.word(), nn.of(m.word(), k));
    }
    out.flush();
    return missing == words.size() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  /**
   * Word queries on an embdiff cache run straight from its mapping (nothing loaded onto the heap)
   * when every word is there as typed; otherwise false, and the caller loads the file for the
   * case-folded lookup.
   */
  private boolean fromMapping() throws IOException {
    MappedEmbeddings mapped = MappedEmbeddings.open(file, false);
    int[] rows = new int[words.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = mapped.indexOf(words.get(i));
      if (rows[i] < 0) {
        return false;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < rows.length; i++) {
      print(out, words.get(i), mapped.nearest(rows[i], k));
    }
    out.flush();
    return true;
  }

  private int runBatch(EmbeddingSpace space, NearestNeighbors nn, PrintWriter out) throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    List<String> queryWords = new ArrayList<>(words);
    int missing = 0;
    if (batch.queriesFile != null) {
      for (String line : Files.readAllLines(batch.queriesFile, StandardCharsets.UTF_8)) {
        String word = line.strip();
        if (!word.isEmpty()) {
          queryWords.add(word.split("\\s+")[0]);
        }
      }
    } else {
      if (batch.randomQueries > space.size()) {
        throw new IllegalArgumentException("--random-queries " + batch.randomQueries + " > words in " + file + " (" + space.size() + ")");
      }
      // a partial Fisher-Yates shuffle of the rows: N distinct words, reproducible with --seed
      int[] rows = java.util.stream.IntStream.range(0, space.size()).toArray();
      Random random = new Random(common.seed());
      for (int i = 0; i < batch.randomQueries; i++) {
        int j = i + random.nextInt(rows.length - i);
        int t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
        queryWords.add(space.word(rows[i]));
      }
    }
    List<String> found = new ArrayList<>();
    int folded = 0;
    String foldedExample = null;
    for (String word : queryWords) {
      WordLookup.Match m = space.contains(word) ? null : WordLookup.find(space, word);
      if (space.contains(word)) {
        found.add(word);
      } else if (m != null) {
        found.add(m.word());
        if (folded++ == 0) {
          foldedExample = "'" + word + "' -> '" + m.word() + "'";
        }
      } else {
        missing++;
      }
    }
    if (folded > 0) {
      err.printf("embdiff: note: %,d query words are not in %s as typed; used the same word in another case (e.g. %s)%n",
          folded, file, foldedExample);
    }
    if (missing > 0) {
      err.printf("embdiff: %,d of %,d query words are not in %s in any case (skipped)%n", missing, queryWords.size(), file);
    }
    if (found.isEmpty()) {
      err.println("embdiff: no query word is in " + file);
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    float[][] queries = new float[found.size()][];
    int[][] exclude = new int[found.size()][];
    for (int i = 0; i < queries.length; i++) {
      int row = space.indexOf(found.get(i));
      queries[i] = space.vector(row);
      exclude[i] = new int[] {row};
    }
    int limit = restrict == 0 ? space.size() : restrict;
    float[][] scores = new float[queries.length][];
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    int[][] rows;
    // the search's parallel streams run in this pool, so --threads is honoured
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, common.threads()));
    try {
      rows = org.embdiff.util.Futures.join(pool.submit(() -> nn.searchRows(queries, exclude, k, limit, scores)));
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    EmbeddingSpace unit = nn.space();
    for (int q = 0; q < rows.length; q++) {
      List<Neighbor> list = new ArrayList<>(rows[q].length);
      for (int i = 0; i < rows[q].length; i++) {
        list.add(new Neighbor(rows[q][i], unit.word(rows[q][i]), scores[q][i]));
      }
      print(out, found.get(q), list);
    }
    out.flush();
    // CPU seconds as well: on a shared machine they say what the search cost when wall time is noisy
    err.printf("embdiff: %,d queries, top %d of %,d x %d in %.3f s (process CPU %.3f s): %,.0f queries/s (%d threads, kernels: %s)%n",
        rows.length, k, Math.min(limit, space.size()), space.dim(), seconds, cpuSeconds, rows.length / seconds, common.threads(),
        VectorUtil.providerName());
    err.flush();
    return ExitCodes.OK;
  }

  /** CPU time of the whole process (all threads, JIT and GC included), or 0 when the JVM does not say. */
  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static void print(PrintWriter out, String word, List<Neighbor> neighbors) {
    out.println(TerminalText.word(word));
    for (int i = 0; i < neighbors.size(); i++) {
      out.printf("  %2d  %-24s %.4f%n", i + 1, TerminalText.word(neighbors.get(i).word()), neighbors.get(i).similarity());
    }
  }
}
