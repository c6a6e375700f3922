package org.embdiff.util;

/**
 * Progress of a long computation. The core reports through this interface and knows nothing of
 * terminals; the command line adapts it to a progress bar.
 */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void start(String task, long total, String unit) {}

    @Override
    public void advance(long delta) {}

    @Override
    public void finish() {}
  };

  /**
   * A new task starts.
   *
   * @param task what is being done ("loading glove.6B.100d.txt")
   * @param total units of work expected, or -1 when unknown
   * @param unit what a unit is ("B", "lines", "rows", "questions")
   */
  void start(String task, long total, String unit);

  /** {@code delta} more units are done. Must be cheap and thread-safe. */
  void advance(long delta);

  /** The current task is done. */
  void finish();
}
