package org.embdiff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.List;
import org.embdiff.io.SideSpec;
import org.embdiff.text.Tokenizer;
import org.embdiff.text.Tokenizers;

/**
 * Fuzzes what is parsed from strings: the side spec of the command line and the tokenizers (which
 * must never throw, never emit an empty token, and give the same tokens every time). Inputs are
 * UTF-8 bytes, so the regression inputs in {@code TextInputsFuzzTestInputs/} are plain text.
 */
class TextInputsFuzzTest {
  private static final List<Tokenizer> TOKENIZERS = Tokenizers.NAMES.stream().map(Tokenizers::byName).toList();

  @FuzzTest(maxDuration = "10s")
  void sideSpec(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    ParserContract.check("side spec", text.length(), () -> {
      SideSpec side;
      try {
        side = SideSpec.parse(text);
      } catch (InvalidPathException e) {
        throw new AssertionError("a bad path must be refused naming the side, got " + e, e);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).as("names the side").contains("side '");
        return;
      }
      assertThat(side.name()).isNotBlank();
      assertThat(side.hasVectors() || side.hasCorpus() || side.hasFrequencies()).isTrue();
    });
  }

  @FuzzTest(maxDuration = "10s")
  void tokenizers(byte[] data) {
    // a corpus line as the counters decode it: UTF-8 with replacement, no line break inside
    String line = new String(data, StandardCharsets.UTF_8).replace('\n', ' ');
    for (Tokenizer tokenizer : TOKENIZERS) {
      ParserContract.check("line", line.length(), () -> {
        List<String> first = tokenizer.tokens(line);
        List<String> again = Tokenizers.byName(tokenizer.name()).tokens(line);
        assertThat(again).as(tokenizer.name() + " is deterministic").isEqualTo(first);
        assertThat(first).as(tokenizer.name() + " emits no empty token").allSatisfy(t -> assertThat(t).isNotEmpty());
      });
    }
  }
}
