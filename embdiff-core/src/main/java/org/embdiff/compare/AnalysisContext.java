package org.embdiff.compare;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * What an analysis (or a piece of shared work) sees: the settings, the two loaded sides, its own
 * random stream (seeded from the root seed and its id only), the run's bounded pool, and the
 * shared work of the run.
 */
public final class AnalysisContext {
  private final String stream;
  private final ExecutionContext execution;
  private final CompareSettings settings;
  private final Side a;
  private final Side b;

  AnalysisContext(String stream, ExecutionContext execution, CompareSettings settings, Side a, Side b) {
    this.stream = stream;
    this.execution = execution;
    this.settings = settings;
    this.a = a;
    this.b = b;
  }

  /** The settings of the run. */
  public CompareSettings settings() {
    return settings;
  }

  /** Side A. */
  public Side a() {
    return a;
  }

  /** Side B. */
  public Side b() {
    return b;
  }

  /** Both sides, A first. */
  public List<Side> sides() {
    return List.of(a, b);
  }

  /** The id of this context's random stream (the analysis or shared-work id). */
  public String stream() {
    return stream;
  }

  /** The seed of this context's stream: a function of the root seed and {@link #stream()} only. */
  public long seed() {
    return execution.seedFor(stream);
  }

  /** A fresh generator on this context's stream. */
  public SplittableRandom random() {
    return new SplittableRandom(seed());
  }

  /** Worker threads of the run. */
  public int threads() {
    return execution.threads();
  }

  /** The run's bounded pool. */
  public ForkJoinPool pool() {
    return execution.pool();
  }

  /** The value of shared work {@code work}, computed once per run. */
  public <T> T shared(Shared<T> work) throws Exception {
    return execution.shared(work, settings, a, b);
  }
}
