package org.embdiff.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SgnsSigmoidTableTest {
  @Test
  void everyScoreInsideTheTablesRangeHasAnEntry() {
    // the scores just below +6 round (f + 6) up to 12, which once indexed one past the table's end
    float f = Math.nextDown(6f);
    for (int i = 0; i < 10_000; i++, f = Math.nextDown(f)) {
      assertThat(SgnsTrainer.expIndex(f)).isBetween(0, 999);
    }
    assertThat(SgnsTrainer.expIndex(Math.nextUp(-6f))).isZero();
    assertThat(SgnsTrainer.expIndex(0f)).isEqualTo(500);
  }
}
