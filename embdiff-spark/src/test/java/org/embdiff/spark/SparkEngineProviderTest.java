package org.embdiff.spark;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SparkEngineProviderTest {
  @Test
  void jdk25IsRefusedInOneLineThat17And21Pass() {
    assertThatThrownBy(() -> SparkEngineProvider.checkJdk(25, "/usr/lib/jvm/temurin-25-jdk-amd64"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Apache Spark 4.0 runs on JDK 17 or 21, not JDK 25 (/usr/lib/jvm/temurin-25-jdk-amd64); run it "
            + "with a JDK 17 or 21 (set JAVA_HOME, or EMBDIFF_JAVA for ./embdiff)");
    assertThatCode(() -> SparkEngineProvider.checkJdk(17, "x")).doesNotThrowAnyException();
    assertThatCode(() -> SparkEngineProvider.checkJdk(21, "x")).doesNotThrowAnyException();
  }

  @Test
  void rowRangesAreContiguousAndCoverEveryWord() {
    long[] counts = {1000, 500, 300, 200, 100, 50, 20, 10, 5, 5, 5, 5};
    RowRanges r = RowRanges.balanced(counts, 20, 4);
    int previous = 0;
    for (int p = 0; p < r.count(); p++) {
      org.assertj.core.api.Assertions.assertThat(r.lastRow(p)).isGreaterThan(previous);
      for (int row = previous + 1; row <= r.lastRow(p); row++) {
        org.assertj.core.api.Assertions.assertThat(r.rangeOf(row)).isEqualTo(p);
      }
      previous = r.lastRow(p);
    }
    org.assertj.core.api.Assertions.assertThat(previous).isEqualTo(counts.length);
  }
}
