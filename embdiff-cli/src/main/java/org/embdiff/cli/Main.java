package org.embdiff.cli;

import picocli.CommandLine;

/** The {@code embdiff} entry point. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // log records (e.g. the kernels' notice when the Vector API is refused) print as one line
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    int code;
    try {
      code = newCommandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // an Error passes picocli's exception handler: still one line, no stack trace
      System.err.println("embdiff: error: out of memory (Java heap at most " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB); raise it with EMBDIFF_JAVA_OPTS=-Xmx<size>, or use --limit/--vocab to load fewer words");
      code = ExitCodes.INTERNAL;
    }
    System.exit(code);
  }

  /** A configured command line (also used by tests, which capture out/err). */
  public static CommandLine newCommandLine() {
    CommandLine cmd = new CommandLine(new EmbdiffCommand());
    cmd.setExecutionExceptionHandler(new CleanErrorHandler());
    cmd.setExitCodeExceptionMapper(ExitCodes::forException);
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
