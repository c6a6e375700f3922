package org.embdiff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.embdiff.cooc.CooccurrenceMatrix;
import org.embdiff.cooc.CrecReader;
import org.embdiff.linalg.CsrMatrix;

/**
 * Fuzzes Stanford {@code CREC} co-occurrence records: the record reader and the CSR matrix built
 * from them (ids checked against a vocabulary of {@value #VOCABULARY} words). Regression inputs:
 * {@code src/test/resources/org/embdiff/fuzz/CooccurrenceFilesFuzzTestInputs/}.
 */
class CooccurrenceFilesFuzzTest {
  private static final int VOCABULARY = 1000;

  @FuzzTest(maxDuration = "10s")
  void crecRecords(byte[] data) throws IOException {
    Path file = FuzzFiles.file("cooccurrence.bin");
    ParserContract.checkFile(file, data, () -> {
      long records = 0;
      try (CrecReader r = CrecReader.open(file)) {
        while (r.next()) {
          records++;
        }
      }
      assertThat(records).isEqualTo(data.length / 16);
    });
    ParserContract.check(file.getFileName().toString(), data.length, () -> {
      CsrMatrix m = CooccurrenceMatrix.read(file, VOCABULARY, 0);
      assertThat(m.rows()).isEqualTo(VOCABULARY);
      for (double v : m.values()) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
          throw new AssertionError("a co-occurrence value that is not a finite count was loaded: " + v);
        }
      }
    });
  }
}
