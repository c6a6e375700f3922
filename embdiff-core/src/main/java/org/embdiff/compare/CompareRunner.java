package org.embdiff.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.embdiff.claims.Claim;
import org.embdiff.claims.Control;
import org.embdiff.claims.ControlStep;
import org.embdiff.geometry.CommonDimension;
import org.embdiff.io.LoadedVectors;
import org.embdiff.io.SideSpec;
import org.embdiff.stats.Counts;
import org.embdiff.text.Tokenizer;
import org.embdiff.util.Futures;
import org.embdiff.util.ProgressListener;

/**
 * Runs a comparison: loads the inputs the given analyses declare (both sides in parallel), runs
 * every analysis whose requirements are met on one bounded pool ({@link ExecutionContext}), each
 * with its own random stream, and collects the typed results, their claims and the timings. An
 * analysis that throws becomes a failed result; a loading error (a malformed input file) aborts
 * the run, since every later number would be wrong.
 */
public final class CompareRunner {
  private final CompareSettings settings;
  private final List<Analysis<?>> analyses;

  /** A runner for {@code settings} and {@code analyses} (in report order). */
  public CompareRunner(CompareSettings settings, List<? extends Analysis<?>> analyses) {
    this.settings = settings;
    this.analyses = List.copyOf(analyses);
    long distinct = this.analyses.stream().map(Analysis::id).distinct().count();
    if (distinct != this.analyses.size()) {
      throw new IllegalArgumentException("analysis ids must be distinct: "
          + this.analyses.stream().map(Analysis::id).toList());
    }
  }

  /** Runs everything, reporting one overall progress (one unit per stage). */
  public CompareResult run(ProgressListener progress) throws Exception {
    String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    long start = System.nanoTime();
    List<StageTiming> timings = Collections.synchronizedList(new ArrayList<>());
    List<InputFingerprint> inputs = Collections.synchronizedList(new ArrayList<>());
    Set<Input> needed = EnumSet.noneOf(Input.class);
    analyses.forEach(an -> an.requires().forEach(r -> needed.addAll(r.inputs())));
    boolean vectors = needed.contains(Input.VECTORS);
    boolean corpus = needed.contains(Input.CORPUS) || needed.contains(Input.COUNTS);
    boolean list = needed.contains(Input.COUNTS);
    int loadStages = loadStageCount(settings.a(), vectors, corpus, list) + loadStageCount(settings.b(), vectors, corpus, list);
    progress.start("compare " + settings.a().name() + " vs " + settings.b().name(), loadStages + analyses.size(), "stages");
    try (ExecutionContext execution = new ExecutionContext(settings.threads(), settings.seed())) {
      Loader loader = new Loader(execution, timings, inputs, progress);
      Future<LoadedVectors> va = vectors ? loader.vectors(settings.a()) : done(null);
      Future<LoadedVectors> vb = vectors ? loader.vectors(settings.b()) : done(null);
      Future<Counts> ca = corpus ? loader.corpus(settings.a()) : done(null);
      Future<Counts> cb = corpus ? loader.corpus(settings.b()) : done(null);
      Future<Counts> la = list ? loader.list(settings.a()) : done(null);
      Future<Counts> lb = list ? loader.list(settings.b()) : done(null);
      Side a = new Side(settings.a().name(), settings.a(), Futures.get(va), Futures.get(ca), Futures.get(la));
      Side b = new Side(settings.b().name(), settings.b(), Futures.get(vb), Futures.get(cb), Futures.get(lb));
      fingerprintEvaluationFiles(inputs);
      // the slowest analyses start first, so the longest one is not the last to begin
      Map<Analysis<?>, Future<AnalysisResult<?>>> futures = new IdentityHashMap<>();
      analyses.stream().sorted(Comparator.comparingInt((Analysis<?> x) -> x.expectedCost()).reversed())
          .forEach(an -> futures.put(an, execution.pool().submit(() -> runTimed(an, settings, execution, a, b, timings, progress))));
      List<AnalysisResult<?>> results = new ArrayList<>();
      for (Analysis<?> an : analyses) {
        results.add(Futures.get(futures.get(an)));
      }
      if (a.hasVectors() && b.hasVectors()) {
        results = withCommonDimension(results, a, b, timings, execution);
      }
      timings.addAll(execution.sharedTimings());
      double total = (System.nanoTime() - start) / 1e9;
      RunHeader header = new RunHeader("embdiff", version(), created, a.name(), b.name(), sortedInputs(inputs),
          settings.describe(), settings.seed(), settings.threads(), List.copyOf(timings), total,
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
          org.embdiff.vec.VectorUtil.providerDescription());
      return new CompareResult(header, results);
    } finally {
      progress.finish();
    }
  }

  /**
   * The space claims at equal footing: every analysis that reads vectors runs again on both sides
   * centred and PCA-reduced to the smaller dimension (its own pool and shared work; only the work that
   * reads no vectors, such as the co-occurrence matrices, is reused), and each claim gets the reduced
   * run's interval as its controlled one.
   */
  private List<AnalysisResult<?>> withCommonDimension(List<AnalysisResult<?>> results, Side a, Side b,
      List<StageTiming> timings, ExecutionContext execution) throws Exception {
    long t0 = System.nanoTime();
    CommonDimension common = CommonDimension.of(a.vectors().space(), b.vectors().space());
    String control = CommonDimension.control(common.dim());
    Side ra = new Side(a.name(), a.spec(), new LoadedVectors(common.a(), a.vectors().summary()), a.corpusCounts(),
        a.listCounts());
    Side rb = new Side(b.name(), b.spec(), new LoadedVectors(common.b(), b.vectors().summary()), b.corpusCounts(),
        b.listCounts());
    List<AnalysisResult<?>> out = new ArrayList<>(results);
    // the control supplies the claims' controlled intervals only; the shift claims read Delta_w, not the
    // neighbour measures (an all-pairs search per side, the run's largest cost at full vocabulary size)
    CompareSettings controlSettings = settings.withAnalyses(
        settings.analyses().withShift(settings.analyses().shift().withoutNeighbourMeasures()));
    try (ExecutionContext controlled = new ExecutionContext(settings.threads(), settings.seed())) {
      controlled.reuseCountsWork(execution);
      List<StageTiming> reducedTimings = Collections.synchronizedList(new ArrayList<>());
      Map<Integer, Future<AnalysisResult<?>>> reruns = new java.util.TreeMap<>();
      for (int i = 0; i < analyses.size(); i++) {
        Analysis<?> an = analyses.get(i);
        boolean readsVectors = an.requires().stream().anyMatch(r -> r.inputs().contains(Input.VECTORS));
        if (readsVectors && results.get(i).status() == Status.OK) {
          reruns.put(i, controlled.pool().submit(() -> runTimed(an, controlSettings, controlled, ra, rb, reducedTimings,
              ProgressListener.NONE)));
        }
      }
      for (Map.Entry<Integer, Future<AnalysisResult<?>>> e : reruns.entrySet()) {
        AnalysisResult<?> naive = out.get(e.getKey());
        AnalysisResult<?> reduced = Futures.get(e.getValue());
        Map<String, Claim> byId = new java.util.HashMap<>();
        reduced.claims().forEach(c -> byId.put(c.id(), c));
        List<Claim> paired = new ArrayList<>();
        for (Claim c : naive.claims()) {
          Claim r = byId.get(c.id());
          paired.add(r != null && r.difference() != null && c.difference() != null ? c.withControl(commonDimension(r, control))
              : c);
        }
        out.set(e.getKey(), withClaims(naive, paired));
      }
      reducedTimings.addAll(controlled.sharedTimings());
      synchronized (reducedTimings) {
        reducedTimings.forEach(t -> timings.add(new StageTiming("common-dimension control: " + t.stage(), t.seconds(), t.status())));
      }
    }
    timings.add(new StageTiming("common-dimension control (" + control + ")", (System.nanoTime() - t0) / 1e9, "ok"));
    return out;
  }

  // the reduced run's deciding interval: its own controls (frequency matching, baselines) applied at the common dimension
  private static ControlStep commonDimension(Claim reduced, String control) {
    String detail = reduced.controls().isEmpty() ? control : control + " (with "
        + reduced.controls().stream().map(ControlStep::name).collect(java.util.stream.Collectors.joining(", ")) + ")";
    return ControlStep.of(Control.COMMON_DIMENSION, detail,
        reduced.controlled() != null ? reduced.controlled() : reduced.difference());
  }

  private static <R extends Record> AnalysisResult<R> withClaims(AnalysisResult<R> r, List<Claim> claims) {
    return new AnalysisResult<>(r.id(), r.title(), r.status(), r.reason(), r.recordType(), r.provenance(), r.record(),
        claims, r.tables());
  }

  private static <T> Future<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static int loadStageCount(SideSpec s, boolean vectors, boolean corpus, boolean list) {
    return (vectors && s.hasVectors() ? 1 : 0) + (corpus && s.hasCorpus() ? 1 : 0) + (list && s.hasFrequencies() ? 1 : 0);
  }

  private static <R extends Record> AnalysisResult<R> runTimed(Analysis<R> analysis, CompareSettings settings,
      ExecutionContext execution, Side a, Side b, List<StageTiming> timings, ProgressListener progress) {
    long t0 = System.nanoTime();
    AnalysisContext context = new AnalysisContext(analysis.id(), execution, settings, a, b);
    String unmet = analysis.requires().stream().map(r -> r.unmet(a, b, settings)).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
    Status status;
    String reason = null;
    Outcome<R> outcome = null;
    if (unmet != null) {
      status = Status.SKIPPED;
      reason = unmet;
    } else {
      try {
        outcome = analysis.run(context);
        status = Status.OK;
      } catch (AnalysisSkipped e) {
        status = Status.SKIPPED;
        reason = e.getMessage();
      } catch (Exception | OutOfMemoryError | StackOverflowError e) {
        status = Status.FAILED;
        reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    timings.add(new StageTiming(analysis.title(), seconds, status.label()));
    progress.advance(1);
    Provenance provenance = new Provenance(analysis.id(), context.seed(), settings.seed(), seconds);
    if (outcome != null) {
      return new AnalysisResult<>(analysis.id(), analysis.title(), status, null, analysis.resultType().getSimpleName(),
          provenance, outcome.record(), settings.analyses().margins().apply(outcome.claims()), outcome.tables());
    }
    List<Claim> missing = settings.analyses().margins().apply(
        analysis.unmeasured(a.name(), b.name(), analysis.title() + " " + status.label() + ": " + reason));
    return new AnalysisResult<>(analysis.id(), analysis.title(), status, reason, analysis.resultType().getSimpleName(),
        provenance, null, missing, List.of());
  }

  /** Loads the side inputs on the run's pool, timing and fingerprinting each. */
  private final class Loader {
    private final ExecutionContext execution;
    private final List<StageTiming> timings;
    private final List<InputFingerprint> inputs;
    private final ProgressListener progress;

    Loader(ExecutionContext execution, List<StageTiming> timings, List<InputFingerprint> inputs, ProgressListener progress) {
      this.execution = execution;
      this.timings = timings;
      this.inputs = inputs;
      this.progress = progress;
    }

    Future<LoadedVectors> vectors(SideSpec side) {
      if (!side.hasVectors()) {
        return done(null);
      }
      return execution.pool().submit(() -> {
        long t0 = System.nanoTime();
        LoadedVectors loaded = SideLoader.vectors(side, execution.threads(), execution.pool());
        var s = loaded.summary();
        inputs.add(InputFingerprint.of(side.name(), "vectors", side.vectors(), s.format().name().toLowerCase(Locale.ROOT),
            s.compression(), s.rowsKept(), s.dim(), s.warnings()));
        finished("load " + side.name() + " vectors", t0);
        return loaded;
      });
    }

    Future<Counts> corpus(SideSpec side) {
      if (!side.hasCorpus()) {
        return done(null);
      }
      return execution.pool().submit(() -> {
        long t0 = System.nanoTime();
        Tokenizer tokenizer = SideLoader.tokenizerFor(side);
        SideLoader.CorpusCounts counted = SideLoader.countCorpora(side.corpora(), tokenizer, execution.threads(),
            execution.pool());
        for (Path corpus : side.corpora()) {
          inputs.add(InputFingerprint.of(side.name(), "corpus", corpus, "text, " + tokenizer.name() + " tokenizer", null,
              side.corpora().size() == 1 ? counted.lines() : -1, -1, null));
        }
        finished("count " + side.name() + " corpus", t0);
        return counted.counts();
      });
    }

    Future<Counts> list(SideSpec side) {
      if (!side.hasFrequencies()) {
        return done(null);
      }
      return execution.pool().submit(() -> {
        long t0 = System.nanoTime();
        Counts counts = SideLoader.frequencies(side.frequencies());
        inputs.add(InputFingerprint.of(side.name(), "freq", side.frequencies(), "word count", null, counts.size(), -1,
            null));
        finished("read " + side.name() + " frequency list", t0);
        return counts;
      });
    }

    private void finished(String stage, long t0) {
      timings.add(new StageTiming(stage, (System.nanoTime() - t0) / 1e9, Status.OK.label()));
      progress.advance(1);
    }
  }

  private void fingerprintEvaluationFiles(List<InputFingerprint> inputs) throws IOException {
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
      return inputs.stream().sorted(Comparator.comparing((InputFingerprint f) -> f.side().equals("both") ? 1 : 0)
          .thenComparing(f -> roles.indexOf(f.role())).thenComparing(InputFingerprint::path)).toList();
    }
  }

  /** The embdiff version from the jar manifest, or "development build". */
  public static String version() {
    String v = CompareRunner.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }
}
