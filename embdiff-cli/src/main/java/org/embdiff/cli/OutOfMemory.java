package org.embdiff.cli;

import java.util.Map;

/**
 * Turns an {@link OutOfMemoryError} into one line for the user: which stage ran out (from the
 * deepest embdiff frame of the error's stack), how large the heap is, and how to raise it.
 */
final class OutOfMemory {
  /** Stage names by package of the deepest embdiff frame. */
  private static final Map<String, String> STAGES = Map.ofEntries(
      Map.entry("io", "loading vectors"),
      Map.entry("cooc", "counting co-occurrences"),
      Map.entry("stats", "counting words"),
      Map.entry("text", "tokenizing"),
      Map.entry("train", "training"),
      Map.entry("linalg", "computing spectra"),
      Map.entry("vec", "searching nearest neighbours"),
      Map.entry("align", "aligning the spaces"),
      Map.entry("eval", "evaluating"),
      Map.entry("geometry", "measuring the geometry"),
      Map.entry("transfer", "training the transfer classifiers"),
      Map.entry("attention", "probing self-attention"),
      Map.entry("claims", "deciding the claims"),
      Map.entry("compare", "comparing the two sides"),
      Map.entry("report", "building the report"));

  private OutOfMemory() {}

  /** The OutOfMemoryError in {@code t}'s cause chain, or null. */
  static OutOfMemoryError in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError e) {
        return e;
      }
    }
    return null;
  }

  /**
   * The line to print, e.g. {@code embdiff: error: out of memory while loading vectors (in
   * RowStore.allocate) in 'embdiff info': the Java heap is at most 256 MB; raise it, e.g.
   * EMBDIFF_JAVA_OPTS=-Xmx1g}.
   *
   * @param command the command that ran, e.g. "embdiff info"
   */
  static String message(OutOfMemoryError e, String command) {
    long maxMb = Runtime.getRuntime().maxMemory() >> 20;
    String where = "";
    String stage = null;
    for (StackTraceElement frame : e.getStackTrace()) {
      String cls = frame.getClassName();
      // waiting on another thread (util.Futures) is not a stage: name the code that waited
      if (cls.startsWith("org.embdiff.") && !cls.startsWith("org.embdiff.util.")) {
        String rest = cls.substring("org.embdiff.".length());
        int dot = rest.indexOf('.');
        stage = dot > 0 ? STAGES.get(rest.substring(0, dot)) : null;
        where = " (in " + cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ")";
        break;
      }
    }
    long suggestGb = Math.max(1, (maxMb * 2 + 1023) / 1024);
    return "embdiff: error: out of memory" + (stage == null ? "" : " while " + stage) + where + " in '" + command
        + "': the Java heap is at most " + maxMb + " MB; raise it, e.g. EMBDIFF_JAVA_OPTS=-Xmx" + suggestGb
        + "g, or give the command less to hold (--limit / --vocab for vectors, --memory for co-occurrences)";
  }
}
