package org.embdiff.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.embdiff.util.ProgressListener;

/**
 * Adapts {@link ProgressListener} to one me.tongfei progress bar on standard error, shown only
 * when a terminal is attached (redirected output stays free of control characters).
 */
final class ProgressBars implements ProgressListener {
  private final PrintStream stream;
  private ProgressBar bar;

  private ProgressBars(PrintStream stream) {
    this.stream = stream;
  }

  /** A listener that draws on standard error when it is a terminal, else ignores progress. */
  static ProgressListener forTerminal() {
    return System.console() != null ? new ProgressBars(System.err) : ProgressListener.NONE;
  }

  @Override
  public synchronized void start(String task, long total, String unit) {
    finish();
    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(stream)).build();
  }

  @Override
  public synchronized void advance(long delta) {
    if (bar != null) {
      bar.stepBy(delta);
    }
  }

  @Override
  public synchronized void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
