package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.embdiff.claims.Claim;
import org.embdiff.claims.Direction;
import org.embdiff.claims.Interval;
import org.embdiff.compare.AnalysisResult;
import org.embdiff.compare.Provenance;
import org.embdiff.compare.RunHeader;
import org.embdiff.compare.StageTiming;
import org.embdiff.compare.Status;
import org.embdiff.compare.WordTable;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  /** A result record with a text, a non-finite and a finite number. */
  record Fixture(String word, double missing, double value) {}

  static Report report(String word) {
    return report(word, new Fixture(word, Double.NaN, 1.5), List.of());
  }

  static Report report(String word, Record record, List<WordTable> tables) {
    RunHeader header = new RunHeader("embdiff", "test", "2026-01-01T00:00:00Z", "wiki", "twitter", List.of(),
        Map.of("k", word), 7, 1, List.of(new StageTiming("s", 0.5, "ok")), 1.0, "17", "linux", "scalar");
    Claim claim = Claim.measured("c1", word, "wiki", "twitter", 1, 2, new Interval(-1, -2, -0.5, 0.95, "bootstrap"),
        "bootstrap", null, Direction.LESS, word);
    Provenance provenance = new Provenance("x", 1, 7, 0.1);
    return new Report(Report.SCHEMA_VERSION, word, header, List.of(claim), List.of(
        new AnalysisResult<>("x", "X", Status.OK, null, record.getClass().getSimpleName(), provenance, record, List.of(claim),
            tables),
        new AnalysisResult<>("y", "Y", Status.SKIPPED, "needs a corpus", "Fixture", provenance, null, List.of(), List.of())));
  }

  @Test
  void scriptEmbeddingEscapesEveryCharacterThatCouldEndTheElement() throws IOException {
    String json = ReportJson.toJson(report("</script><!--<img/src=x/onerror=alert(1)>&\u2028"));
    String safe = ReportJson.forScriptElement(json);
    assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
    JsonNode back = ReportJson.readTree(safe);
    assertThat(back.path("title").asText()).isEqualTo("</script><!--<img/src=x/onerror=alert(1)>&\u2028");
    assertThat(back).isEqualTo(ReportJson.readTree(json));
  }

  @Test
  void nonFiniteNumbersBecomeNullAndSkippedResultsKeepTheirReason() throws IOException {
    JsonNode node = ReportJson.readTree(ReportJson.toJson(report("w")));
    assertThat(node.path("schemaVersion").asInt()).isEqualTo(2);
    JsonNode record = node.path("results").get(0).path("record");
    assertThat(record.path("missing").isNull()).isTrue();
    assertThat(record.path("value").asDouble()).isEqualTo(1.5);
    assertThat(node.path("results").get(0).path("recordType").asText()).isEqualTo("Fixture");
    assertThat(node.path("claims").get(0).path("verdict").asText()).isEqualTo("SUPPORTED");
    JsonNode skipped = node.path("results").get(1);
    assertThat(skipped.path("status").asText()).isEqualTo("skipped");
    assertThat(skipped.path("reason").asText()).isEqualTo("needs a corpus");
    assertThat(skipped.has("record")).isFalse();
    JsonNode page = ReportJson.mapper().readTree(ReportJson.toJson(ReportViews.page(report("w"))));
    JsonNode rows = page.path("sections").get(0).path("data").path("keyTables").get(0).path("rows");
    assertThat(rows.get(1).path("cells").get(0).has("v")).isFalse();
    assertThat(rows.get(2).path("cells").get(0).path("v").asDouble()).isEqualTo(1.5);
  }

  @Test
  void resultRecordsReadBackAsTheirTypes() throws IOException {
    JsonNode node = ReportJson.readTree(ReportJson.toJson(report("w")));
    Fixture back = ReportJson.mapper().treeToValue(node.path("results").get(0).path("record"), Fixture.class);
    assertThat(back.word()).isEqualTo("w");
    assertThat(back.value()).isEqualTo(1.5);
  }

  @Test
  void refusesUnknownSchemaVersions() {
    assertThatThrownBy(() -> ReportJson.readTree("{\"schemaVersion\": 99}")).isInstanceOf(IOException.class)
        .hasMessageContaining("newer");
    assertThatThrownBy(() -> ReportJson.readTree("{}")).isInstanceOf(IOException.class).hasMessageContaining("schemaVersion");
  }

  @Test
  void sectionsValidateTheirStatus() {
    assertThatThrownBy(() -> new Section("a", "A", "skipped", " ", null)).hasMessageContaining("without a reason");
    assertThatThrownBy(() -> new Section("a", "A", "ok", null, null)).hasMessageContaining("no data");
    assertThatThrownBy(() -> new Section("a", "A", "done", null, "x")).hasMessageContaining("ok, skipped or failed");
    assertThat(Section.failed("a", "A", new IllegalStateException("boom")).reason()).isEqualTo("boom");
  }
}
