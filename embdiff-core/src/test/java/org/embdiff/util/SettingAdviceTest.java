package org.embdiff.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingAdviceTest {
  @Test
  void adviceNamesTheSettingInWordsUntilAFrontEndRewritesIt() {
    String message = "bad line; " + SettingAdvice.set("vector format", "glove") + " (f.txt:1)";
    assertThat(message).isEqualTo("bad line; set the vector format to glove (f.txt:1)").doesNotContain("--");
    assertThat(SettingAdvice.rewrite(message, Map.of("vector format", "--format")))
        .isEqualTo("bad line; use --format glove (f.txt:1)");
    assertThat(SettingAdvice.rewrite("binary? (" + SettingAdvice.set("vector format") + ")", Map.of("vector format", "--format")))
        .isEqualTo("binary? (use --format)");
  }

  @Test
  void aSettingWithoutAFlagKeepsItsWords() {
    String message = "x; " + SettingAdvice.set("encoding errors", "replace or skip");
    assertThat(SettingAdvice.rewrite(message, Map.of("vector format", "--format"))).isEqualTo(message);
    assertThat(SettingAdvice.rewrite(message, Map.of())).isEqualTo(message);
  }
}
