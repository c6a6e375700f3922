package org.embdiff.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.embdiff.util.ProgressListener;

/**
 * Adapts the core's {@link ProgressListener} to a {@code me.tongfei.progressbar} bar on stderr.
 *
 * <p>Silent when stderr is not a terminal (pipes, CI logs, tests) and for short tasks: the bar
 * appears only once a task has run longer than {@code delay} (default 2 s), starting from the
 * progress already made. One task at a time: {@link #start} closes a bar left open.
 * {@link #advance} is cheap (one atomic add and a clock read) and thread-safe.
 *
 * <p>Usage: {@code try (ConsoleProgress progress = ConsoleProgress.forStderr()) { ... load(path, options, progress) ... }}.
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {
  /** Default wait before a bar appears. */
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

  private final PrintStream err;
  private final boolean enabled;
  private final long delayNanos;
  private final AtomicLong done = new AtomicLong();
  private volatile String task = "";
  private volatile long total = -1;
  private volatile String unit = "";
  private volatile long startNanos;
  private volatile boolean active;
  private ProgressBar bar; // guarded by this

  /**
   * @param err where the bar is drawn
   * @param enabled false for a listener that never draws (not a terminal)
   * @param delay how long a task runs before its bar appears
   */
  public ConsoleProgress(PrintStream err, boolean enabled, Duration delay) {
    this.err = err;
    this.enabled = enabled;
    this.delayNanos = delay.toNanos();
  }

  /** A listener drawing on {@code System.err} when it is a terminal, after {@link #DEFAULT_DELAY}. */
  public static ConsoleProgress forStderr() {
    return new ConsoleProgress(System.err, stderrIsTerminal(), DEFAULT_DELAY);
  }

  /**
   * Whether the process has a terminal. {@code System.console()} is null when stdin or stdout is
   * redirected; on JDK 22+ it may be non-null for pipes, so {@code Console.isTerminal()} is asked
   * when it exists (looked up by reflection because we compile for Java 17).
   */
  static boolean stderrIsTerminal() {
    if (System.getenv("EMBDIFF_NO_PROGRESS") != null) {
      return false;
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK < 22: a non-null console means a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Whether this listener may draw at all. */
  public boolean enabled() {
    return enabled;
  }

  @Override
  public void start(String task, long total, String unit) {
    closeBar();
    this.task = task;
    this.total = total;
    this.unit = unit;
    done.set(0);
    startNanos = System.nanoTime();
    active = true;
  }

  @Override
  public void advance(long delta) {
    long now = done.addAndGet(delta);
    if (!enabled || !active) {
      return;
    }
    ProgressBar b = currentBar();
    if (b == null) {
      long elapsed = System.nanoTime() - startNanos;
      if (elapsed < delayNanos) {
        return;
      }
      b = openBar(elapsed);
    }
    if (b != null) {
      b.stepTo(now);
    }
  }

  @Override
  public void finish() {
    active = false;
    ProgressBar b = currentBar();
    if (b != null) {
      if (total > 0) {
        b.stepTo(total);
      }
      closeBar();
    }
  }

  /** Closes a bar left open (e.g. after a failed load). */
  @Override
  public void close() {
    active = false;
    closeBar();
  }

  private synchronized ProgressBar currentBar() {
    return bar;
  }

  private synchronized ProgressBar openBar(long elapsedNanos) {
    if (bar == null && active) {
      boolean bytes = "B".equals(unit);
      ProgressBarBuilder builder = new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(err))
          .setUpdateIntervalMillis(500)
          .startsFrom(done.get(), Duration.ofNanos(elapsedNanos))
          .showSpeed();
      builder = bytes ? builder.setUnit(" MB", 1L << 20) : builder.setUnit(" " + unit, 1);
      bar = builder.build();
    }
    return bar;
  }

  private synchronized void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
