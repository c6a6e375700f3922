package org.embdiff.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatParsingTest {
  /** Parses one value through the block parser's fused fast path. */
  private static float viaBlock(String token) {
    // a token at the very end of a block and one followed by more bytes must parse alike
    float scalar = parseLine("w " + token + "\n", token);
    float swar = parseLine("w " + token + " ".repeat(17) + "\n", token);
    assertThat(Float.floatToIntBits(swar)).as("padded vs unpadded " + token).isEqualTo(Float.floatToIntBits(scalar));
    return swar;
  }

  private static float parseLine(String text, String token) {
    byte[] line = text.getBytes(StandardCharsets.US_ASCII);
    TextBlockParser.Block block = new TextBlockParser(line, EncodingErrors.REPLACE, null).parse(0, line.length, 1);
    assertThat(block.error).as(token).isNull();
    return block.values[0];
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "0.0", "-0.0", "1", "-1", "0.5", ".5", "5.", "-0.05764", "0.0031407", "1e-04",
      "-6.3371", "1.0E-4", "3.4028235e38", "1.4e-45", "0.12345678901", "123456789", "16777217", "0.000000000012345",
      "+1.5", "-1.8429", "7.2e+5", "0.1", "0.7", "99999.99999", "1234567", "12345678", "0.00000001", "0.0000001",
      "1.2345678", "12345678.1", "16777215", "16777216", "1677721.5", "-00000000.5", "0.", "-.25"})
  void matchesFloatParseFloat(String token) {
    assertThat(Float.floatToIntBits(viaBlock(token))).as(token)
        .isEqualTo(Float.floatToIntBits(Float.parseFloat(token)));
    byte[] b = token.getBytes(StandardCharsets.US_ASCII);
    assertThat(Float.floatToIntBits(FloatParsing.parse(b, 0, b.length))).as(token)
        .isEqualTo(Float.floatToIntBits(Float.parseFloat(token)));
  }

  @Property(tries = 3000)
  void randomDecimalsMatchFloatParseFloat(@ForAll @IntRange(min = 0, max = 99_999_999) int mantissa,
      @ForAll @IntRange(min = 0, max = 12) int fractionDigits, @ForAll boolean negative) {
    String digits = Integer.toString(mantissa);
    while (digits.length() <= fractionDigits) {
      digits = "0" + digits;
    }
    String token = (negative ? "-" : "") + digits.substring(0, digits.length() - fractionDigits)
        + (fractionDigits > 0 ? "." + digits.substring(digits.length() - fractionDigits) : "");
    assertThat(Float.floatToIntBits(viaBlock(token))).as(token)
        .isEqualTo(Float.floatToIntBits(Float.parseFloat(token)));
  }

  @Property(tries = 2000)
  void shortestFloatStringsRoundTrip(@ForAll float value) {
    if (!Float.isFinite(value)) {
      return;
    }
    String token = Float.toString(value);
    assertThat(viaBlock(token)).as(token).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nan", "NaN", "-nan", "inf", "-inf", "Infinity", "-Infinity"})
  void recognisesNonFiniteSpellings(String token) {
    byte[] b = token.getBytes(StandardCharsets.US_ASCII);
    assertThat(Float.isFinite(FloatParsing.parse(b, 0, b.length))).isFalse();
  }
}
