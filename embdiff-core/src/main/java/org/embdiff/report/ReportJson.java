package org.embdiff.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link Report} (and of its {@link ReportPage}): one configured Jackson mapper (non-finite numbers become
 * {@code null}, so the file is strict JSON), and the escaping that makes JSON safe to embed in an
 * HTML {@code <script>} element.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = newMapper();

  private ReportJson() {}

  /** A mapper configured for reports (pretty, stable, non-finite doubles as null). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Per-item lists that the report's CSV files hold; report.json leaves them out. */
  @JsonIgnoreProperties({"words"})
  private abstract static class WithoutWordList {}

  @JsonIgnoreProperties({"outcomes"})
  private abstract static class WithoutOutcomes {}

  @JsonIgnoreProperties({"scores"})
  private abstract static class WithoutScores {}

  private static ObjectMapper newMapper() {
    SimpleModule finite = new SimpleModule("embdiff-finite");
    finite.addSerializer(Double.class, new FiniteDouble());
    finite.addSerializer(double.class, new FiniteDouble());
    finite.addSerializer(Float.class, new FiniteFloat());
    finite.addSerializer(float.class, new FiniteFloat());
    return JsonMapper.builder()
        .addModule(finite)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addMixIn(org.embdiff.align.ShiftAnalysis.class, WithoutWordList.class)
        .addMixIn(org.embdiff.stats.DomainDivergence.class, WithoutWordList.class)
        .addMixIn(org.embdiff.eval.AnalogyResult.class, WithoutOutcomes.class)
        .addMixIn(org.embdiff.eval.PairSimilarityResult.class, WithoutScores.class)
        .build();
  }

  /** Serialises {@code report} (pretty-printed): what report.json holds. */
  public static String toJson(Report report) {
    return write(report);
  }

  /** Serialises the page model {@code page} (pretty-printed): what the HTML embeds. */
  public static String toJson(ReportPage page) {
    return write(page);
  }

  private static String write(Object report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise report", e);
    }
  }

  /**
   * Reads report JSON as a tree, refusing schema versions this build does not know.
   *
   * @throws IOException when the text is not JSON or the version is unknown
   */
  public static JsonNode readTree(String json) throws IOException {
    JsonNode node = MAPPER.readTree(json);
    int version = node.path("schemaVersion").asInt(-1);
    if (version < 1) {
      throw new IOException("not an embdiff report: no schemaVersion field");
    }
    if (version > Report.SCHEMA_VERSION) {
      throw new IOException("report schemaVersion " + version + " is newer than this embdiff understands ("
          + Report.SCHEMA_VERSION + "); upgrade embdiff");
    }
    return node;
  }

  /**
   * JSON text made safe inside {@code <script type="application/json">}: {@code <}, {@code >},
   * {@code &} and the JavaScript line separators U+2028/2029 become {@code \}{@code uXXXX} escapes.
   * Outside strings JSON never contains these characters, so the result is the same JSON value,
   * and no {@code </script>} or {@code <!--} can appear in it.
   */
  public static String forScriptElement(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final class FiniteDouble extends StdSerializer<Double> {
    FiniteDouble() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  private static final class FiniteFloat extends StdSerializer<Float> {
    FiniteFloat() {
      super(Float.class);
    }

    @Override
    public void serialize(Float value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value == null || !Float.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }
}
