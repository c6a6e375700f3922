package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code embdiff serve} from the command line: it prints its address, answers there, and stops; bad inputs get one line. */
class ServeCommandTest {
  private static Path vectors(Path dir, String name, long seed) throws Exception {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      sb.append("token").append((char) ('a' + i % 26)).append(i);
      for (int d = 0; d < 5; d++) {
        sb.append(' ').append(String.format(Locale.ROOT, "%.4f", r.nextGaussian()));
      }
      sb.append('\n');
    }
    return Files.writeString(dir.resolve(name), sb);
  }

  private static String sha256(Path p) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  @Test
  void servesTwoSidesOnAFreeLoopbackPortUntilStopped(@TempDir Path dir) throws Exception {
    Path a = vectors(dir, "a.txt", 1);
    Path b = vectors(dir, "b.txt", 2);
    ServeCommand command = new ServeCommand();
    CommandLine cmd = new CommandLine(command);
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("--a", "left=vectors:" + a, "--b",
        "right=vectors:" + b, "--port", "0"));
    Pattern ready = Pattern.compile("ready in [0-9.]+ s: (http://127\\.0\\.0\\.1:\\d+/)");
    Matcher m = ready.matcher("");
    for (int i = 0; i < 600 && !m.find(); i++) {
      assertThat(exit).as(out.toString()).isNotDone();
      Thread.sleep(100);
      m = ready.matcher(out.toString());
    }
    assertThat(m.find(0)).as(out.toString()).isTrue();
    HttpResponse<String> meta = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/meta")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(meta.statusCode()).isEqualTo(200);
    assertThat(meta.body()).contains("\"name\":\"left\"").contains("\"shared\":60");
    command.stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void aFolderWithoutAReportAndAMissingVectorFileAreOneLineErrors(@TempDir Path dir) throws Exception {
    CliRun noReport = CliRun.of("serve", dir.toString(), "--port", "0");
    assertThat(noReport.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noReport.err()).contains("no report.json").doesNotContain("\tat ");
    CliRun missing = CliRun.of("serve", "--a", "x=vectors:" + dir.resolve("nope.txt"), "--b", "y=vectors:" + dir.resolve("nope.txt"),
        "--port", "0");
    assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err().strip().lines().count()).isEqualTo(1);
    CliRun both = CliRun.of("serve", dir.toString(), "--a", "x=vectors:a");
    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void theSidesOfAReportWrittenByCompareAreFoundAgain(@TempDir Path dir) throws Exception {
    Path a = vectors(dir, "a.txt", 5);
    Path b = vectors(dir, "b.txt", 6);
    Path report = dir.resolve("report");
    CliRun run = CliRun.of("compare", "--a", "left=vectors:" + a, "--b", "right=vectors:" + b, "--no-bundled-eval", "--out",
        report.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    org.embdiff.io.SideSpec[] sides = org.embdiff.serve.ReportInputs.sides(report);
    assertThat(sides[0].name()).isEqualTo("left");
    assertThat(sides[0].vectors().toAbsolutePath()).isEqualTo(a.toAbsolutePath());
    assertThat(sides[1].name()).isEqualTo("right");
    assertThat(sides[1].vectors().toAbsolutePath()).isEqualTo(b.toAbsolutePath());
  }

  @Test
  void aReportFolderNamesItsSidesAgainAndRefusesChangedInputs(@TempDir Path dir) throws Exception {
    Path a = vectors(dir, "a.txt", 3);
    Path b = vectors(dir, "b.txt", 4);
    Path report = Files.createDirectories(dir.resolve("report"));
    String json = "{\"schemaVersion\":1,\"header\":{\"sideA\":\"wiki\",\"sideB\":\"twitter\",\"inputs\":["
        + "{\"side\":\"wiki\",\"role\":\"vectors\",\"path\":\"" + a + "\",\"sizeBytes\":" + Files.size(a) + ",\"sha256\":\""
        + sha256(a) + "\"},"
        + "{\"side\":\"twitter\",\"role\":\"vectors\",\"path\":\"" + b + "\",\"sizeBytes\":" + Files.size(b) + ",\"sha256\":\""
        + sha256(b) + "\"},"
        + "{\"side\":\"both\",\"role\":\"analogies\",\"path\":\"q.txt\",\"sizeBytes\":1,\"sha256\":\"00\"}]}}";
    Files.writeString(report.resolve("report.json"), json);
    org.embdiff.io.SideSpec[] sides = org.embdiff.serve.ReportInputs.sides(report);
    assertThat(sides[0].name()).isEqualTo("wiki");
    assertThat(sides[0].vectors()).isEqualTo(a);
    assertThat(sides[1].vectors()).isEqualTo(b);
    Files.writeString(b, "tokena0 1 2 3 4 5\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun changed = CliRun.of("serve", report.toString(), "--port", "0");
    assertThat(changed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(changed.err()).contains("changed since the report was written");
  }

  /**
   * A report folder's shift table is shown as the report computed it: one delta in its shift.csv is
   * replaced by a value no alignment of these inputs gives, and the served table has exactly it.
   */
  @Test
  void aReportFolderIsServedFromItsShiftRecords(@TempDir Path dir) throws Exception {
    Path a = vectors(dir, "a.txt", 7);
    Path b = vectors(dir, "b.txt", 8);
    Path report = dir.resolve("report");
    CliRun run = CliRun.of("compare", "--a", "left=vectors:" + a, "--b", "right=vectors:" + b, "--no-bundled-eval", "--out",
        report.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    Path csv = report.resolve("shift.csv");
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
    java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
    int deltaColumn = header.indexOf("delta");
    String[] first = lines.get(1).split(",", -1);
    first[deltaColumn] = "9.875";
    lines.set(1, String.join(",", first));
    Files.write(csv, lines);

    ServeCommand command = new ServeCommand();
    CommandLine cmd = new CommandLine(command);
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute(report.toString(), "--port", "0"));
    Pattern ready = Pattern.compile("ready in [0-9.]+ s: (http://127\\.0\\.0\\.1:\\d+/)");
    Matcher m = ready.matcher("");
    for (int i = 0; i < 600 && !m.find(); i++) {
      assertThat(exit).as(out.toString()).isNotDone();
      Thread.sleep(100);
      m = ready.matcher(out.toString());
    }
    assertThat(m.find(0)).as(out.toString()).isTrue();
    HttpClient http = HttpClient.newHttpClient();
    String body = "";
    for (int i = 0; i < 300 && !body.contains("\"ready\":true"); i++) {
      body = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/shift?sort=delta&order=desc&limit=1")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Thread.sleep(body.contains("\"ready\":true") ? 0 : 100);
    }
    assertThat(body).contains("\"total\":" + (lines.size() - 1)).contains("\"word\":\"" + first[0] + "\"").contains("\"delta\":9.875");
    String meta = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/meta")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(meta).contains("read from the report folder").contains("shift.csv");
    command.stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }
}
