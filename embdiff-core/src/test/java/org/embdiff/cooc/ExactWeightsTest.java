package org.embdiff.cooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ExactWeightsTest {
  @Test
  void scaleIsTheLeastCommonMultipleOfTheDistances() {
    assertThat(ExactWeights.of(10, true).scale()).isEqualTo(2520);
    assertThat(ExactWeights.of(15, true).scale()).isEqualTo(360360);
    assertThat(ExactWeights.of(10, true).weight(7)).isEqualTo(360);
    assertThat(ExactWeights.of(10, false).scale()).isEqualTo(1);
    assertThat(ExactWeights.of(10, false).weight(7)).isEqualTo(1);
    // 1 + 1/2 + ... + 1/10 = 7381/2520
    ExactWeights w = ExactWeights.of(10, true);
    long sum = 0;
    for (int d = 1; d <= 10; d++) {
      sum += w.weight(d);
    }
    assertThat(sum).isEqualTo(7381);
    assertThat(w.value(sum)).isEqualTo(7381.0 / 2520.0);
    assertThatThrownBy(() -> ExactWeights.of(ExactWeights.MAX_WINDOW + 1, true)).hasMessageContaining("window");
  }

  /** The quotient is the double nearest to num/den: neither neighbour is closer (exact decimal arithmetic). */
  @Property(tries = 3000)
  void quotientIsCorrectlyRounded(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long num,
      @ForAll @LongRange(min = 1, max = 1L << 40) long den) {
    double q = ExactWeights.quotient(num, den);
    BigDecimal exact = new BigDecimal(num).divide(new BigDecimal(den), new MathContext(60));
    BigDecimal err = new BigDecimal(q).subtract(exact).abs();
    if (q > 0) {
      assertThat(err).isLessThanOrEqualTo(new BigDecimal(Math.nextDown(q)).subtract(exact).abs());
    }
    assertThat(err).isLessThanOrEqualTo(new BigDecimal(Math.nextUp(q)).subtract(exact).abs());
  }

  @Test
  void largeNumeratorsTakeTheExactPath() {
    long den = 2520;
    long num = (1L << 60) + 12345;
    double q = ExactWeights.quotient(num, den);
    BigDecimal exact = new BigDecimal(num).divide(new BigDecimal(den), new MathContext(60));
    assertThat(new BigDecimal(q).subtract(exact).abs())
        .isLessThanOrEqualTo(new BigDecimal(Math.ulp(q) / 2));
  }
}
