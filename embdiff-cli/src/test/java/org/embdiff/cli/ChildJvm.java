package org.embdiff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code embdiff} in a child JVM on this test's class path, as the launcher would, so a test can
 * kill it (SIGKILL via {@link Process#destroyForcibly()}) or give it a small heap.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** A finished run: exit code, standard output and standard error. */
  record Result(int exit, String out, String err) {}

  /**
   * Starts {@code embdiff args} in the working directory {@code dir} with the JVM options {@code jvm},
   * output and error to files in {@code logs}.
   */
  static Process start(Path dir, Path logs, List<String> jvm, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dembdiff.home=" + System.getProperty("embdiff.home", "."));
    command.addAll(jvm);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.embdiff.cli.Main");
    command.addAll(List.of(args));
    Files.createDirectories(logs);
    return new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(logs.resolve("out.txt").toFile())
        .redirectError(logs.resolve("err.txt").toFile()).start();
  }

  /** Runs to the end (at most {@code timeout}) and returns what it printed. */
  static Result run(Path dir, Path logs, Duration timeout, List<String> jvm, String... args)
      throws IOException, InterruptedException {
    Process p = start(dir, logs, jvm, args);
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("embdiff " + String.join(" ", args) + " did not finish in " + timeout);
    }
    return new Result(p.exitValue(), Files.readString(logs.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(logs.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
