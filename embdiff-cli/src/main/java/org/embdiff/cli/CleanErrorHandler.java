package org.embdiff.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints one clean line for a failed command; the stack trace only with {@code --verbose}. */
final class CleanErrorHandler implements IExecutionExceptionHandler {
  /** The flag that sets each setting core names in words ({@link org.embdiff.util.InvalidSetting}). */
  static final java.util.Map<String, java.util.List<String>> FLAGS = java.util.Map.of("threads", java.util.List.of("--threads"),
      "top words", java.util.List.of("--top"), "sentences per side", java.util.List.of("--sentences-per-side"),
      "alignment map", java.util.List.of("--map"), "anchor words", java.util.List.of("--anchors"),
      "co-occurrence words kept", java.util.List.of("--max-words"), "candidate words", java.util.List.of("--restrict-vocab"),
      "output format", java.util.List.of("--to", "--format"), "vector format", java.util.List.of("--format"),
      "encoding errors", java.util.List.of("--encoding-errors"));

  /** The flag of {@code setting} that {@code cmd} has, or null. */
  static String flag(CommandLine cmd, String setting) {
    for (String f : FLAGS.getOrDefault(setting, java.util.List.of())) {
      if (cmd.getCommandSpec().findOption(f) != null) {
        return f;
      }
    }
    return null;
  }

  /** Each setting that {@code cmd} has a flag for, to that flag. */
  private static java.util.Map<String, String> flagsOf(CommandLine cmd) {
    java.util.Map<String, String> flags = new java.util.HashMap<>();
    for (String setting : FLAGS.keySet()) {
      String f = flag(cmd, setting);
      if (f != null) {
        flags.put(setting, f);
      }
    }
    return flags;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    OutOfMemoryError oom = OutOfMemory.in(ex);
    if (oom != null) {
      // thrown in a worker and wrapped (ExecutionException, CompletionException): the same one line
      cmd.getErr().println(OutOfMemory.message(oom, cmd.getCommandSpec().qualifiedName()));
      if (isVerbose(parseResult)) {
        ex.printStackTrace(cmd.getErr());
      }
      cmd.getErr().flush();
      return ExitCodes.INTERNAL;
    }
    Throwable shown = ex instanceof java.io.UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    if (shown instanceof org.embdiff.util.InvalidSetting bad && flag(cmd, bad.setting()) != null) {
      message = flag(cmd, bad.setting()) + " must be " + bad.expected() + ", got " + bad.value();
    }
    message = org.embdiff.util.SettingAdvice.rewrite(message, flagsOf(cmd))
        .replace(org.embdiff.util.SettingAdvice.RECREATE_CACHE, "re-create it with 'embdiff convert SOURCE OUT --to embdiff'");
    String kind = ExitCodes.forException(shown) == ExitCodes.BAD_INPUT ? "error" : "internal error";
    cmd.getErr().println("embdiff: " + kind + ": " + message);
    if (isVerbose(parseResult)) {
      ex.printStackTrace(cmd.getErr());
    } else if (ExitCodes.forException(shown) == ExitCodes.INTERNAL) {
      cmd.getErr().println("(run again with --verbose for the stack trace)");
    }
    cmd.getErr().flush();
    return ExitCodes.forException(shown);
  }

  private static boolean isVerbose(ParseResult parseResult) {
    ParseResult pr = parseResult;
    while (pr != null) {
      if (pr.hasMatchedOption("--verbose")) {
        return true;
      }
      pr = pr.hasSubcommand() ? pr.subcommand() : null;
    }
    return false;
  }
}
