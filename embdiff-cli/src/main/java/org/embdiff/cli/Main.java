package org.embdiff.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code embdiff} entry point. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // log records (e.g. the kernels' notice when the Vector API is refused) print as one line
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    String command = "embdiff" + (args.length > 0 && !args[0].startsWith("-") ? " " + args[0] : "");
    // a worker thread that dies of an OutOfMemoryError outside a pool would print a stack trace and leave
    // the command waiting: one line and exit instead
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      OutOfMemoryError oom = OutOfMemory.in(e);
      System.err.println(oom != null ? OutOfMemory.message(oom, command)
          : "embdiff: internal error in thread " + thread.getName() + ": " + e);
      System.err.flush();
      Runtime.getRuntime().halt(ExitCodes.INTERNAL);
    });
    int code;
    try {
      code = newCommandLine(args).execute(args);
    } catch (OutOfMemoryError e) {
      // an Error passes picocli's exception handler: still one line, no stack trace
      System.err.println(OutOfMemory.message(e, command));
      code = ExitCodes.INTERNAL;
    }
    System.exit(code);
  }

  /** A configured command line with every subcommand (also used by tests, which capture out/err). */
  public static CommandLine newCommandLine() {
    return configure(withSubcommands(EmbdiffCommand.SUBCOMMANDS));
  }

  /**
   * A configured command line for these arguments: when the first one names a subcommand (or an alias),
   * only that subcommand is registered, which saves picocli from building the model of all the others
   * by reflection (the larger part of a fast command's start-up time); otherwise ({@code --help},
   * {@code --version}, no or an unknown command) every subcommand, for the listing and suggestions.
   */
  public static CommandLine newCommandLine(String[] args) {
    if (args.length > 0) {
      for (Class<?> sub : EmbdiffCommand.SUBCOMMANDS) {
        if (isNamed(sub, args[0])) {
          return configure(withSubcommands(List.of(sub)));
        }
      }
    }
    return newCommandLine();
  }

  private static boolean isNamed(Class<?> sub, String name) {
    Command command = sub.getAnnotation(Command.class);
    return command.name().equals(name) || Arrays.asList(command.aliases()).contains(name);
  }

  private static CommandLine withSubcommands(List<Class<?>> subcommands) {
    CommandLine cmd = new CommandLine(new EmbdiffCommand());
    for (Class<?> sub : subcommands) {
      cmd.addSubcommand(sub);
    }
    return cmd;
  }

  private static CommandLine configure(CommandLine cmd) {
    // after the subcommands are added: these setters apply to the subcommands present
    cmd.setExecutionExceptionHandler(new CleanErrorHandler());
    cmd.setExecutionStrategy(new OutputCheck());
    cmd.setExitCodeExceptionMapper(ExitCodes::forException);
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    documentExitCodes(cmd);
    return cmd;
  }

  /** Lists the exit codes in the {@code --help} of the command and of every subcommand. */
  private static void documentExitCodes(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.helpList());
    cmd.getSubcommands().values().forEach(Main::documentExitCodes);
  }
}
