package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Black-box tests of {@code embdiff neighbors}, including the batch mode, and of {@code --version}. */
class NeighborsCommandTest {
  private static final String WIKI = Path.of("..", "data", "embeddings", "glove.6B.100d.twitter12k-vocab.txt.gz").toString();

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cmd = Main.newCommandLine(args);
    StringWriter out = new StringWriter(), err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void wordsModeListsQueenForKing() {
    Run r = run("neighbors", WIKI, "king", "-k", "5");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("king").contains("queen");
    assertThat(r.out().lines().count()).isEqualTo(6);
  }

  @Test
  void aCacheAnswersFromItsMappingWithTheTextFilesNeighbours(@TempDir Path dir) {
    // the same vectors as text and as an embdiff cache: the mapped search must list the same words
    Path cache = dir.resolve("wiki.emb");
    assertThat(run("convert", WIKI, cache.toString(), "--to", "embdiff").code()).isZero();
    Run text = run("neighbors", WIKI, "king", "apple", "-k", "8");
    Run mapped = run("neighbors", cache.toString(), "king", "apple", "-k", "8");
    assertThat(mapped.code()).isZero();
    assertThat(words(mapped.out())).isEqualTo(words(text.out())).contains("queen");
    // a word absent as typed falls back to the loaded, case-folding lookup
    assertThat(run("neighbors", cache.toString(), "King", "-k", "3").out()).startsWith("king");
  }

  private static List<String> words(String out) {
    return out.lines().map(l -> l.strip().split("\\s+")).map(t -> t.length > 1 ? t[1] : t[0]).toList();
  }

  @Test
  void queriesFileRunsOneBatchAndReportsThroughput(@TempDir Path dir) throws Exception {
    Path queries = Files.write(dir.resolve("q.txt"), List.of("king", "", "notaword-xyz", "apple 3"));
    Run r = run("neighbors", WIKI, "--queries-file", queries.toString(), "-k", "3");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().filter(l -> !l.startsWith(" "))).containsExactly("king", "apple");
    assertThat(r.out()).contains("queen");
    assertThat(r.err()).contains("1 of 3 query words are not in").contains("2 queries, top 3 of").contains("queries/s");
    // the batch answer equals the one-word answer
    assertThat(r.out()).startsWith(run("neighbors", WIKI, "king", "-k", "3").out());
  }

  @Test
  void randomQueriesAreSeededAndCounted() {
    Run a = run("neighbors", WIKI, "--random-queries", "25", "--seed", "3", "-k", "2", "--restrict", "5000");
    Run b = run("neighbors", WIKI, "--random-queries", "25", "--seed", "3", "-k", "2", "--restrict", "5000");
    assertThat(a.code()).isZero();
    assertThat(a.out()).isEqualTo(b.out());
    assertThat(a.out().lines().count()).isEqualTo(25 * 3);
    assertThat(a.err()).contains("25 queries, top 2 of 5,000 x 100");
  }

  @Test
  void missingQueriesAndBadCountsAreCleanErrors() {
    Run none = run("neighbors", WIKI);
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).contains("Missing query");
    Run tooMany = run("neighbors", WIKI, "--random-queries", "99999999");
    assertThat(tooMany.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(tooMany.err()).contains("--random-queries 99999999 > words in").doesNotContain("Exception");
    Run both = run("neighbors", WIKI, "--random-queries", "3", "--queries-file", "x");
    assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void versionNamesTheKernels() {
    Run r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsAnyOf("Kernels: scalar", "Kernels: vector-api-");
  }
}
