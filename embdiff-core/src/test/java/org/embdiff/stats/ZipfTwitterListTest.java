package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.embdiff.testing.BundledData;
import org.junit.jupiter.api.Test;

/**
 * The free fit on the bundled Twitter frequency list scans every distinct x_min, as Clauset, Shalizi &amp;
 * Newman (2009) do; the reference is their procedure run over all candidates (x_min 18,663, alpha 1.181,
 * KS 0.0112), where the former 120-candidate search stopped at x_min 250, alpha 1.508.
 */
class ZipfTwitterListTest {
  @Test
  void freeFitOnTheBundledTwitterListFindsClausetsFullScanMinimum() throws Exception {
    Counts twitter = FrequencyListReader.read(BundledData.path("freq/twitter-ark-wordfreq.top60k.tsv.gz"));
    ZipfFit fit = new ZipfEstimator(ZipfEstimator.Settings.defaults(42).pointFit()).fit(twitter);
    assertThat((double) fit.xMin()).isCloseTo(18_663, within(0.05 * 18_663));
    assertThat(fit.alpha()).isCloseTo(1.181, within(0.01));
    assertThat(fit.ks()).isCloseTo(0.0112, within(0.001));
  }
}
