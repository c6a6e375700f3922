package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embdiff.cooc.CrecWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spectrum --cooc} without a vocabulary: the matrix is sized from ids the file backs. */
class SpectrumCoocTest {
  @TempDir Path dir;

  @Test
  void anIdTheRecordsCannotBackIsRefusedNamingTheRecord() throws IOException {
    Path crec = crec("huge-id.crec", new int[][] {{1, 2}, {2, 1}, {3, Integer.MAX_VALUE}});
    CliRun run = CliRun.of("spectrum", "--cooc", crec.toString(), "--max-words", "0", "-k", "2");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err().strip()).doesNotContain("\n")
        .contains(crec + ": record 2 has id 2147483647", "at most 6 words", "--vocab-file");
  }

  @Test
  void sparseIdsWithinTheBoundGiveTheSpectrumOfTheNonZeroBlock() throws IOException {
    // X = diag(3, 2, 1) on ids 1, 2 and 1000: the zero rows and columns between add no singular value
    // (and the randomized SVD's 13-column sketch of a rank-3 matrix is rank-deficient)
    Path crec = crec("diag.crec", new int[][] {{1, 1}, {2, 2}, {1000, 1000}}, 3, 2, 1);
    Path json = dir.resolve("s.json");
    CliRun run = CliRun.of("spectrum", "--cooc", crec.toString(), "--max-words", "0", "-k", "3",
        "--json", json.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode x = new ObjectMapper().readTree(json.toFile()).path("spectra").get(0);
    assertThat(x.path("rows").asInt()).isEqualTo(1000);
    double[] sigma = new double[3];
    for (int i = 0; i < 3; i++) {
      sigma[i] = x.path("singularValues").get(i).asDouble();
    }
    assertThat(sigma).containsExactly(new double[] {3, 2, 1}, org.assertj.core.data.Offset.offset(1e-9));
  }

  private Path crec(String name, int[][] pairs, double... values) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); CrecWriter w = new CrecWriter(out)) {
      for (int i = 0; i < pairs.length; i++) {
        w.write(pairs[i][0], pairs[i][1], values.length > i ? values[i] : 1.0);
      }
    }
    return file;
  }
}
