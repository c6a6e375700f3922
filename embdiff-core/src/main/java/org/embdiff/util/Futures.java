package org.embdiff.util;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for work done on another thread, with the worker's own exception rethrown: the one
 * place that unwraps {@link ExecutionException} (and the plain {@link RuntimeException} wrapper a
 * {@link java.util.concurrent.ForkJoinPool} puts around a task's checked exception).
 */
public final class Futures {
  private Futures() {}

  /** What the task threw. */
  public static Throwable cause(ExecutionException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    while (cause.getClass() == RuntimeException.class && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The value; the task's exception is rethrown as it was. */
  public static <T> T get(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable c = cause(e);
      if (c instanceof Exception ex) {
        throw ex;
      }
      throw (Error) c;
    }
  }

  /**
   * The value for I/O work: an {@link IOException}, unchecked exception or error of the task is
   * rethrown, any other checked exception wrapped in an IOException; interruption becomes
   * {@link InterruptedIOException} (with the interrupt flag kept).
   */
  public static <T> T await(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable c = cause(e);
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c.getMessage(), c);
    }
  }

  /** The value for work that throws no checked exception: a checked one (or interruption) becomes unchecked. */
  public static <T> T join(Future<T> future) {
    try {
      return await(future);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
