package org.embdiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --margin CLAIM_ID=VALUE}: a bad key or value is a usage error before any work; a good one reaches the claims. */
class MarginOptionTest {
  @Test
  void aMarginForNoClaimOrANegativeOneIsAUsageError() {
    for (String command : new String[] {"compare", "claims", "demo"}) {
      CliRun unknown = CliRun.of(command, "--margin", "entropie=0.2");
      assertThat(unknown.exit()).as(command + ": " + unknown.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(unknown.err()).contains("entropie").contains("zipf.alpha").doesNotContain("\tat ");
      CliRun negative = CliRun.of(command, "--margin", "entropy=-0.1");
      assertThat(negative.exit()).isEqualTo(ExitCodes.USAGE);
      assertThat(negative.err()).contains(">= 0");
      assertThat(CliRun.of(command, "--margin", "entropy").err()).contains("CLAIM_ID=VALUE");
    }
  }

  @Test
  void overridesReachTheMarginsTheClaimsAreDecidedWith() {
    MarginOptions options = new MarginOptions();
    MarginOptions.MarginConverter converter = new MarginOptions.MarginConverter();
    options.margins = java.util.List.of(converter.convert("entropy=0.25"), converter.convert("transfer.loss-increase=0.03"));
    org.embdiff.claims.Margins m = options.margins();
    assertThat(m.of("entropy.b-greater")).isEqualTo(0.25);
    assertThat(m.of("transfer.loss-increase.bing-liu.wiki-to-twitter")).isEqualTo(0.03);
    assertThat(m.overridden("zipf.alpha.differs")).isFalse();
  }
}
