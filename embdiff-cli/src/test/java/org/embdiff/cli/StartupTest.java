package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Quiet start-up (the launcher drops the JVM's incubator notice unless --verbose) and exit codes in --help. */
class StartupTest {
  private static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

  @Test
  void everyHelpListsTheExitCodes() {
    CommandLine top = Main.newCommandLine();
    List<CommandLine> all = new ArrayList<>(List.of(top));
    for (int i = 0; i < all.size(); i++) {
      all.addAll(all.get(i).getSubcommands().values());
    }
    assertThat(all).hasSizeGreaterThan(20);
    for (CommandLine cmd : all) {
      String help = cmd.getUsageMessage();
      assertThat(help).as(cmd.getCommandSpec().qualifiedName()).contains("Exit codes:")
          .containsPattern("(?m)^\\s+0\\s+success").containsPattern("(?m)^\\s+1\\s+bad input")
          .containsPattern("(?m)^\\s+2\\s+usage error").containsPattern("(?m)^\\s+3\\s+internal error");
    }
    CliRun run = CliRun.of("info", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Exit codes:");
  }

  /**
   * The real launcher with a stand-in {@code java} that prints the JVM's notice first, as a JDK 21+ does
   * with {@code --add-modules jdk.incubator.vector}: the notice is gone, the rest of stderr, stdout and the
   * exit code pass through; with {@code --verbose} the notice stays.
   */
  @Test
  @EnabledOnOs(OS.LINUX)
  void launcherDropsTheIncubatorNoticeUnlessVerbose(@TempDir Path dir) throws Exception {
    Path home = Path.of(System.getProperty("embdiff.home", ".."));
    Path launcher = dir.resolve("embdiff");
    Files.copy(home.resolve("embdiff"), launcher);
    Path jar = Files.createDirectories(dir.resolve("embdiff-cli/target")).resolve("embdiff.jar");
    Files.writeString(jar, "stand-in");
    Path java = dir.resolve("java");
    Files.writeString(java, String.join("\n", "#!/usr/bin/env bash",
        "case \" $* \" in *\" --add-modules jdk.incubator.vector \"*) echo '" + NOTICE + "' >&2;; esac",
        "echo 'progress 50%' >&2", "echo 'embdiff: error: example (f.txt:3)' >&2", "echo out", "exit 3", ""));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    Result quiet = run(launcher, java, "info", "f.txt");
    assertThat(quiet.exit()).isEqualTo(3);
    assertThat(quiet.out()).isEqualTo("out\n");
    assertThat(quiet.err()).isEqualTo("progress 50%\nembdiff: error: example (f.txt:3)\n");

    Result verbose = run(launcher, java, "info", "--verbose", "f.txt");
    assertThat(verbose.err()).startsWith(NOTICE + "\n").endsWith("embdiff: error: example (f.txt:3)\n");
  }

  /** What the filter relies on: the JDK's notice is exactly that line, first on stderr. */
  @Test
  void jdkNoticeIsTheLineTheLauncherDrops() throws Exception {
    Path jdk = null;
    try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
      for (Path p : jvms.toList()) {
        Path release = p.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(p.resolve("bin/java"))) {
          String v = Files.readString(release).replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1");
          if (v.matches("\\d+") && Integer.parseInt(v) >= 21) {
            jdk = p;
          }
        }
      }
    } catch (IOException e) {
      // no /usr/lib/jvm
    }
    Assumptions.assumeTrue(jdk != null, "skipped: no JDK 21+ under /usr/lib/jvm");
    Process p = new ProcessBuilder(jdk.resolve("bin/java").toString(), "--add-modules", "jdk.incubator.vector",
        "-version").start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(err.lines().findFirst().orElse("")).isEqualTo(NOTICE);
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(Path launcher, Path java, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.put("EMBDIFF_JAVA", java.toString());
    env.put("EMBDIFF_SIMD", "on");
    env.put("EMBDIFF_CDS", "off");
    Path out = Files.createTempFile(launcher.getParent(), "out", ".txt");
    Path err = Files.createTempFile(launcher.getParent(), "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200); // the filter may write its last bytes just after java exits
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
