package org.embdiff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.embdiff.io.SideSpec;
import org.embdiff.compare.CompareSettings;
import org.embdiff.serve.Explorer;
import org.embdiff.serve.ExplorerLoader;
import org.embdiff.serve.ExplorerServer;
import org.embdiff.serve.ReportInputs;
import org.embdiff.serve.ReportRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code embdiff serve}: a local, read-only web explorer of two spaces. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Explore two embedding spaces side by side in the browser: word view (neighbours in both spaces, "
        + "overlap, Delta_w with its frequency-band null, corpus lines), shift table, small multiples, domain terms, "
        + "analogy and similarity, projection.",
        "With no sides, the bundled data (GloVe 6B 100d vs GloVe Twitter 25d with their frequency lists and corpus "
            + "samples). Binds to loopback unless --host says otherwise; read-only. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(arity = "0..1", paramLabel = "REPORT_DIR",
      description = "A report folder written by compare or demo: its shift table (shift.csv) and domain terms "
          + "(domain-words.csv) are shown as the report computed them; its sides are read again from the input paths recorded "
          + "in its report.json (size and SHA-256 must match) for the neighbour queries.")
  Path reportDir;

  @Option(names = "--a", paramLabel = "NAME=vectors:PATH,freq:PATH,corpus:PATH", description = "Side A (default: bundled wiki).")
  String a;

  @Option(names = "--b", paramLabel = "NAME=vectors:PATH,freq:PATH,corpus:PATH", description = "Side B (default: bundled twitter).")
  String b;

  @Option(converter = Ranges.Port.class, names = "--port", description = "Port to listen on; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host = "127.0.0.1";

  @Option(converter = Ranges.PositiveInt.class, names = "--table-words", paramLabel = "N", description = "Most frequent shared words in the shift table, with the "
      + "all-pairs neighbour overlap (default: ${DEFAULT-VALUE}).")
  int tableWords = 20_000;

  @Option(converter = Ranges.PositiveInt.class, names = "--overlap-k", paramLabel = "K", description = "Largest k of the table's neighbour overlap: 10, 100 or 1000 "
      + "(1000 adds the overlap@1000 column and costs about 2.5x the start-up time; default: ${DEFAULT-VALUE}).")
  int overlapK = 100;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--search-words", paramLabel = "N", description = "Search neighbours among the N most frequent shared words "
      + "only; 0 = all (default: ${DEFAULT-VALUE}). A word view not in the cache scans the N words of both spaces once "
      + "(int8, then exact re-ranking): measured 6 ms of server CPU per request at 50,000 x 300, 10 ms at 100,000, 22 ms at 400,000.")
  int searchWords = Explorer.DEFAULT_SEARCH_WORDS;

  @Option(converter = Ranges.NonNegativeInt.class, names = "--example-lines", paramLabel = "N", description = "Corpus lines kept per side for keyword in context "
      + "(default: ${DEFAULT-VALUE}).")
  int exampleLines = 500_000;

  @Option(converter = Ranges.PositiveInt.class, names = "--cache-words", paramLabel = "N", description = "Neighbour lists kept in memory (default: ${DEFAULT-VALUE}).")
  int cacheWords = 50_000;

  @Option(converter = Ranges.PositiveLong.class, names = "--timeout-ms", paramLabel = "MS", description = "Longest time one request may compute (default: ${DEFAULT-VALUE}).")
  long timeoutMillis = 10_000;

  @Option(names = "--probe-words", split = ",", paramLabel = "W", description = "Words tagged 'probe' (default: the report's).")
  List<String> probeWords;

  /** Counted down to stop a running server (tests); Ctrl-C ends the process instead. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (reportDir != null && (a != null || b != null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either REPORT_DIR or --a/--b, not both");
    }
    SideSpec sideA;
    SideSpec sideB;
    ReportRecords records = null;
    if (reportDir != null) {
      SideSpec[] sides = ReportInputs.sides(reportDir);
      sideA = sides[0];
      sideB = sides[1];
      records = ReportRecords.read(reportDir, sideA.name(), sideB.name());
    } else {
      sideA = a == null ? BundledData.demoA() : SideSpec.parse(a);
      sideB = b == null ? BundledData.demoB() : SideSpec.parse(b);
    }
    Explorer.Settings settings = new Explorer.Settings(tableWords, overlapK, searchWords, 100, cacheWords, 5, 3000,
        probeWords == null ? CompareSettings.DEFAULT_PROBE_WORDS : probeWords, common.seed());
    ExplorerServer.Limits limits = new ExplorerServer.Limits(8 * 1024, timeoutMillis, 2 * Runtime.getRuntime().availableProcessors());
    long started = System.nanoTime();
    out.println("embdiff serve: loading " + sideA.name() + " and " + sideB.name() + " ...");
    out.flush();
    // the server starts (Jetty's class loading takes a second or more) while the sides load
    CompletableFuture<Explorer> loading = new CompletableFuture<>();
    SideSpec la = sideA, lb = sideB;
    ReportRecords lr = records;
    Thread loader = new Thread(() -> {
      try {
        loading.complete(ExplorerLoader.load(la, lb, settings, exampleLines, lr));
      } catch (IOException | RuntimeException | Error e) {
        loading.completeExceptionally(e);
      }
    }, "embdiff-serve-load");
    loader.setDaemon(true);
    loader.start();
    ExplorerServer server;
    try {
      server = ExplorerServer.start(loading, host, port, limits);
    } catch (RuntimeException e) {
      throw new IOException("cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "); give another --port, or 0 for any free one");
    }
    Explorer explorer;
    try {
      explorer = loading.get();
    } catch (ExecutionException e) {
      server.close();
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    try (server; explorer) {
      out.printf(java.util.Locale.ROOT, "embdiff serve: ready in %.1f s: %s (%d shared words; Ctrl-C to stop)%n",
          (System.nanoTime() - started) / 1e9, server.uri(host), explorer.meta().shared());
      out.flush();
      explorer.startPreparation();
      Thread announce = new Thread(() -> {
        try {
          explorer.awaitPrepared();
          out.printf(java.util.Locale.ROOT, "embdiff serve: shift table and domain terms ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException e) {
          out.println("embdiff serve: the shift table could not be prepared (" + rootMessage(e) + "); the word view still works");
        }
        out.flush();
      }, "embdiff-serve-announce");
      announce.setDaemon(true);
      announce.start();
      Thread hook = new Thread(stop::countDown, "embdiff-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is exiting: the hook already ran
        }
      }
    }
    return ExitCodes.OK;
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
  }
}
