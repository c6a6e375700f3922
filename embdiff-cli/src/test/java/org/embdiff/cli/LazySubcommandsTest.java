package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@link Main#newCommandLine(String[])} registers only the invoked subcommand and behaves as the full command line. */
class LazySubcommandsTest {
  private record Run(int code, String out, String err) {}

  private static Run run(Function<String[], CommandLine> factory, String... args) {
    CommandLine cmd = factory.apply(args);
    StringWriter out = new StringWriter(), err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run lazy(String... args) {
    return run(Main::newCommandLine, args);
  }

  private static Run full(String... args) {
    return run(a -> Main.newCommandLine(), args);
  }

  private static List<String> namesAndAliases() {
    List<String> names = new ArrayList<>();
    for (Class<?> sub : EmbdiffCommand.SUBCOMMANDS) {
      Command command = sub.getAnnotation(Command.class);
      names.add(command.name());
      names.addAll(List.of(command.aliases()));
    }
    return names;
  }

  @Test
  void aKnownNameOrAliasRegistersOnlyThatSubcommand() {
    assertThat(Main.newCommandLine(new String[] {"info", "x.txt"}).getSubcommands()).containsOnlyKeys("info");
    assertThat(Main.newCommandLine(new String[] {"nn"}).getSubcommands()).containsOnlyKeys("neighbors", "nn");
    assertThat(Main.newCommandLine(new String[] {"sim"}).getSubcommands()).containsOnlyKeys("similarity", "sim");
    assertThat(Main.newCommandLine(new String[] {"train", "glove"}).getSubcommands().get("train").getSubcommands())
        .containsOnlyKeys("glove", "sgns");
    // 22 commands and two aliases
    assertThat(Main.newCommandLine().getSubcommands()).hasSize(24).containsOnlyKeys(namesAndAliases().toArray(String[]::new));
  }

  @Test
  void everySubcommandsHelpAndUsageErrorAreTheSameAsWithAllRegistered() {
    for (String name : namesAndAliases()) {
      Run lazyHelp = lazy(name, "--help");
      assertThat(lazyHelp.code()).as(name).isZero();
      assertThat(lazyHelp.out()).as(name).isNotEmpty().isEqualTo(full(name, "--help").out());
      Run lazyError = lazy(name, "--no-such-option-xyz");
      Run fullError = full(name, "--no-such-option-xyz");
      assertThat(lazyError.code()).as(name).isEqualTo(ExitCodes.USAGE).isEqualTo(fullError.code());
      assertThat(lazyError.err()).as(name).startsWith("embdiff: ").isEqualTo(fullError.err());
    }
  }

  @Test
  void topLevelHelpListsEveryCommandAndAnUnknownOneGetsSuggestions() {
    Run help = lazy("--help");
    assertThat(help.code()).isZero();
    for (Class<?> sub : EmbdiffCommand.SUBCOMMANDS) {
      assertThat(help.out()).containsPattern("\\n  " + sub.getAnnotation(Command.class).name() + "[ ,]");
    }
    assertThat(lazy().out()).isEqualTo(help.out());
    assertThat(lazy("--version").out()).startsWith("embdiff ");
    Run unknown = lazy("neighbours", "x.txt");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("neighbours").contains("neighbors");
    // names are matched exactly, as picocli does
    assertThat(lazy("INFO").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aKnownCommandRunsWithTheCleanErrorHandlersInPlace() {
    Run missing = lazy("info", "/nonexistent/vectors.txt");
    assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("/nonexistent/vectors.txt").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(missing.err()).isEqualTo(full("info", "/nonexistent/vectors.txt").err());
  }
}
