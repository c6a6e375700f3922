package org.embdiff.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.SideSpec;
import org.embdiff.stats.Counts;
import org.embdiff.text.Tokenizer;
import org.embdiff.util.ProgressListener;

/**
 * Runs a whole comparison: loads both sides (in parallel), runs every {@link Analysis} the inputs
 * allow (in parallel, on {@code threads} workers), times each stage, and assembles the
 * {@link Report}. An analysis that throws becomes a failed section; loading errors (a malformed
 * input file) abort the run, since every later number would be wrong.
 */
public final class CompareRunner {
  private final CompareSettings settings;
  private final List<Analysis> analyses;
  private final Analysis claims;

  /** A runner for {@code settings} with the standard analyses. */
  public CompareRunner(CompareSettings settings) {
    this(settings, Analyses.standard(), Analyses.claims());
  }

  /** A runner with explicit analyses (tests). */
  public CompareRunner(CompareSettings settings, List<Analysis> analyses, Analysis claims) {
    this.settings = settings;
    this.analyses = List.copyOf(analyses);
    this.claims = claims;
  }

  /**
   * The report and its CSV tables.
   *
   * @param report the report
   * @param tables per-word tables
   */
  public record Result(Report report, List<WordTable> tables) {}

  /** Runs everything, reporting one overall progress (one unit per stage). */
  public Result run(ProgressListener progress) throws Exception {
    String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    long start = System.nanoTime();
    List<StageTiming> timings = Collections.synchronizedList(new ArrayList<>());
    List<InputFingerprint> inputs = Collections.synchronizedList(new ArrayList<>());
    int loadStages = loadStageCount(settings.a()) + loadStageCount(settings.b());
    progress.start("compare " + settings.a().name() + " vs " + settings.b().name(), loadStages + analyses.size() + 1,
        "stages");
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "embdiff-compare");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<LoadedVectors> va = submitVectors(pool, settings.a(), timings, inputs, progress);
      Future<LoadedVectors> vb = submitVectors(pool, settings.b(), timings, inputs, progress);
      Future<Counts> ca = submitCorpus(pool, settings.threads(), settings.a(), timings, inputs, progress);
      Future<Counts> cb = submitCorpus(pool, settings.threads(), settings.b(), timings, inputs, progress);
      Future<Counts> la = submitList(pool, settings.a(), timings, inputs, progress);
      Future<Counts> lb = submitList(pool, settings.b(), timings, inputs, progress);
      Side a = new Side(settings.a().name(), settings.a(), get(va), get(ca), get(la));
      Side b = new Side(settings.b().name(), settings.b(), get(vb), get(cb), get(lb));
      fingerprintEvaluationFiles(inputs);
      CompareContext context = new CompareContext(settings, a, b);
      // the slowest analyses start first, so the longest one is not the last to begin
      Map<Analysis, Future<Section>> futures = new IdentityHashMap<>();
      analyses.stream().sorted(Comparator.comparingInt(Analysis::expectedCost).reversed())
          .forEach(analysis -> futures.put(analysis, pool.submit(() -> runTimed(analysis, context, timings, progress))));
      List<Section> sections = new ArrayList<>();
      for (Analysis analysis : analyses) {
        sections.add(get(futures.get(analysis)));
      }
      Section claimsSection = runTimed(claims, context, timings, progress);
      double total = (System.nanoTime() - start) / 1e9;
      ReportHeader header = new ReportHeader("embdiff", version(), created, a.name(), b.name(), sortedInputs(inputs),
          settings.describe(), settings.seed(), settings.threads(), List.copyOf(timings), total,
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
          kernelProvider());
      Report report = new Report(Report.SCHEMA_VERSION, a.name() + " vs " + b.name() + " \u2014 embdiff report", header,
          claimsSection, sections);
      return new Result(report, context.tables());
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
  }

  private static int loadStageCount(SideSpec s) {
    return (s.hasVectors() ? 1 : 0) + (s.hasCorpus() ? 1 : 0) + (s.hasFrequencies() ? 1 : 0);
  }

  private static Future<LoadedVectors> submitVectors(ExecutorService pool, SideSpec side, List<StageTiming> timings,
      List<InputFingerprint> inputs, ProgressListener progress) {
    if (!side.hasVectors()) {
      return CompletableFuture.completedFuture(null);
    }
    return pool.submit(() -> {
      long t0 = System.nanoTime();
      LoadedVectors loaded = SideLoader.vectors(side.vectors());
      var s = loaded.summary();
      inputs.add(InputFingerprint.of(side.name(), "vectors", side.vectors(), s.format().name().toLowerCase(Locale.ROOT),
          s.compression(), s.rowsKept(), s.dim(), s.warnings()));
      timings.add(new StageTiming("load " + side.name() + " vectors", (System.nanoTime() - t0) / 1e9, Section.OK));
      progress.advance(1);
      return loaded;
    });
  }

  private static Future<Counts> submitCorpus(ExecutorService pool, int threads, SideSpec side, List<StageTiming> timings,
      List<InputFingerprint> inputs, ProgressListener progress) {
    if (!side.hasCorpus()) {
      return CompletableFuture.completedFuture(null);
    }
    return pool.submit(() -> {
      long t0 = System.nanoTime();
      Tokenizer tokenizer = SideLoader.tokenizerFor(side);
      SideLoader.CorpusCounts counted = SideLoader.countCorpora(side.corpora(), tokenizer, threads);
      for (Path corpus : side.corpora()) {
        inputs.add(InputFingerprint.of(side.name(), "corpus", corpus, "text, " + tokenizer.name() + " tokenizer", null,
            side.corpora().size() == 1 ? counted.lines() : -1, -1, null));
      }
      timings.add(new StageTiming("count " + side.name() + " corpus", (System.nanoTime() - t0) / 1e9, Section.OK));
      progress.advance(1);
      return counted.counts();
    });
  }

  private static Future<Counts> submitList(ExecutorService pool, SideSpec side, List<StageTiming> timings,
      List<InputFingerprint> inputs, ProgressListener progress) {
    if (!side.hasFrequencies()) {
      return CompletableFuture.completedFuture(null);
    }
    return pool.submit(() -> {
      long t0 = System.nanoTime();
      Counts counts = SideLoader.frequencies(side.frequencies());
      inputs.add(InputFingerprint.of(side.name(), "freq", side.frequencies(), "word count", null, counts.size(), -1,
          null));
      timings.add(new StageTiming("read " + side.name() + " frequency list", (System.nanoTime() - t0) / 1e9,
          Section.OK));
      progress.advance(1);
      return counts;
    });
  }

  private void fingerprintEvaluationFiles(List<InputFingerprint> inputs) throws java.io.IOException {
    if (settings.analogies() != null) {
      inputs.add(InputFingerprint.of("both", "analogies", settings.analogies(), "questions-words", null, -1, -1, null));
    }
    for (Path p : settings.pairs()) {
      inputs.add(InputFingerprint.of("both", "pairs", p, "word pairs", null, -1, -1, null));
    }
    for (Path p : settings.lexicons()) {
      inputs.add(InputFingerprint.of("both", "lexicon", p, "lexicon", null, -1, -1, null));
    }
  }

  private static List<InputFingerprint> sortedInputs(List<InputFingerprint> inputs) {
    List<String> roles = List.of("vectors", "corpus", "freq", "analogies", "pairs", "lexicon");
    synchronized (inputs) {
      return inputs.stream().sorted(java.util.Comparator.comparing((InputFingerprint f) -> f.side().equals("both") ? 1 : 0)
          .thenComparing(f -> roles.indexOf(f.role())).thenComparing(InputFingerprint::path)).toList();
    }
  }

  private static Section runTimed(Analysis analysis, CompareContext context, List<StageTiming> timings,
      ProgressListener progress) {
    long t0 = System.nanoTime();
    Section section;
    try {
      section = analysis.run(context);
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      section = Section.failed(analysis.id(), analysis.title(), e);
    }
    timings.add(new StageTiming(analysis.title(), (System.nanoTime() - t0) / 1e9, section.status()));
    progress.advance(1);
    return section;
  }

  private static <T> T get(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }

  /** The embdiff version from the jar manifest, or "development build". */
  public static String version() {
    String v = CompareRunner.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** The vector kernel provider in use. */
  static String kernelProvider() {
    return org.embdiff.vec.VectorUtil.providerDescription();
  }
}
