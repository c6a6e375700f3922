package org.embdiff.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Where a counter or trainer runs its tasks: an executor it borrows (a run's bounded pool, never
 * shut down here), a fixed pool of its own for a standalone call, or the calling thread when one
 * thread is asked for. Callers only submit tasks and wait for them, never block on a queue a task
 * fills, so a borrowed {@link java.util.concurrent.ForkJoinPool} cannot deadlock when the caller
 * is one of its workers (waiting on a task of the same pool helps run it).
 */
public final class Workers implements AutoCloseable {
  private final ExecutorService executor;
  private final boolean owned;
  private final int parallelism;

  private Workers(ExecutorService executor, boolean owned, int parallelism) {
    this.executor = executor;
    this.owned = owned;
    this.parallelism = parallelism;
  }

  /**
   * Tasks on {@code executor} (not shut down by {@link #close()}) split {@code parallelism} ways,
   * or, when {@code executor} is null, on {@code parallelism} threads of their own.
   */
  public static Workers on(ExecutorService executor, int parallelism, String threadName) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    if (executor != null) {
      return new Workers(executor, false, parallelism);
    }
    return own(parallelism, threadName);
  }

  /** {@code threads} daemon threads of their own, or the calling thread when {@code threads} is 1. */
  public static Workers own(int threads, String threadName) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (threads == 1) {
      return new Workers(null, false, 1);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    return new Workers(pool, true, threads);
  }

  /** How many tasks the work is split into. */
  public int parallelism() {
    return parallelism;
  }

  /** Runs {@code task} on the workers (at once, on this thread, when there is no executor). */
  public <T> Future<T> submit(Callable<T> task) {
    if (executor == null) {
      FutureTask<T> f = new FutureTask<>(task);
      f.run();
      return f;
    }
    return executor.submit(task);
  }

  /** Runs {@code task} on the workers. */
  public Future<?> submit(Runnable task) {
    return submit(() -> {
      task.run();
      return null;
    });
  }

  @Override
  public void close() {
    if (owned) {
      executor.shutdownNow();
    }
  }
}
