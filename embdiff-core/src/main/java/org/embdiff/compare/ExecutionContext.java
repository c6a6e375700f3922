package org.embdiff.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;
import org.embdiff.util.Futures;
import org.embdiff.util.Seeds;

/**
 * The resources of one run: one bounded {@link ForkJoinPool} of {@code threads} workers on which
 * every stage runs (parallel streams started inside a stage use it too, not the common pool), the
 * root seed from which every random stream is derived ({@link Seeds}), and the shared work
 * computed so far.
 */
public final class ExecutionContext implements AutoCloseable {
  private final int threads;
  private final long rootSeed;
  private final ForkJoinPool pool;
  private final Map<Shared<?>, FutureTask<Object>> shared = new ConcurrentHashMap<>();
  private final List<StageTiming> timings = Collections.synchronizedList(new ArrayList<>());

  /** A context with {@code threads} workers and root seed {@code rootSeed}. */
  public ExecutionContext(int threads, long rootSeed) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.rootSeed = rootSeed;
    this.pool = new ForkJoinPool(threads, p -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
      t.setName("embdiff-worker-" + t.getPoolIndex());
      t.setDaemon(true);
      return t;
    }, null, false);
  }

  /** Worker threads. */
  public int threads() {
    return threads;
  }

  /** The root seed. */
  public long rootSeed() {
    return rootSeed;
  }

  /** The seed of stream {@code id}. */
  public long seedFor(String id) {
    return Seeds.of(rootSeed, id);
  }

  /** The bounded pool every stage runs on. */
  public ForkJoinPool pool() {
    return pool;
  }

  /** Timings of the shared work done so far. */
  List<StageTiming> sharedTimings() {
    synchronized (timings) {
      return List.copyOf(timings);
    }
  }

  /**
   * The value of {@code work}, computed on first use on the asking thread (so no worker waits for
   * a task that has no thread); later callers wait for and reuse it, and a failure is rethrown to
   * every caller.
   */
  @SuppressWarnings("unchecked")
  <T> T shared(Shared<T> work, CompareSettings settings, Side a, Side b) throws Exception {
    FutureTask<Object> task = new FutureTask<>(() -> {
      long t0 = System.nanoTime();
      Object value = work.compute(new AnalysisContext(work.name(), this, settings, a, b));
      timings.add(new StageTiming(work.name(), (System.nanoTime() - t0) / 1e9, Status.OK.label()));
      return value;
    });
    FutureTask<Object> existing = shared.putIfAbsent(work, task);
    if (existing == null) {
      existing = task;
      task.run();
    }
    return (T) Futures.get(existing);
  }

  /**
   * Shares with this context the work {@code other} has started that does not read vectors (the
   * control run on reduced vectors has the same counts and corpora, so those values are the same).
   */
  void reuseCountsWork(ExecutionContext other) {
    other.shared.forEach((work, task) -> {
      if (!work.readsVectors()) {
        shared.putIfAbsent(work, task);
      }
    });
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
