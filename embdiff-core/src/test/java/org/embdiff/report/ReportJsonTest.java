package org.embdiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  static Report report(String word) {
    ReportHeader header = new ReportHeader("embdiff", "test", "2026-01-01T00:00:00Z", "wiki", "twitter", List.of(),
        Map.of("k", word), 7, 1, List.of(new StageTiming("s", 0.5, "ok")), 1.0, "17", "linux", "scalar");
    SectionView view = new SectionView.Builder("how " + word)
        .keyTable(new KeyTable.Builder(word, List.of("wiki", "twitter")).row(word, word, Cell.of(Double.NaN), Cell.of(1.5, 1, 2)).build())
        .build();
    ClaimsView claims = new ClaimsView("read", List.of(new ClaimRow("c1", word, "m", Cell.of(1), Cell.of(2), Cell.of(-1, -2, 0),
        "bootstrap", "supported", word)), List.of());
    return new Report(Report.SCHEMA_VERSION, word, header, Section.ok("claims", "Claims", claims),
        List.of(Section.ok("x", "X", view), Section.skipped("y", "Y", "needs a corpus")));
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
  void nonFiniteNumbersBecomeNullAndSkippedSectionsKeepTheirReason() throws IOException {
    JsonNode node = ReportJson.readTree(ReportJson.toJson(report("w")));
    assertThat(node.path("schemaVersion").asInt()).isEqualTo(1);
    JsonNode cells = node.path("sections").get(0).path("data").path("keyTables").get(0).path("rows").get(0).path("cells");
    assertThat(cells.get(0).has("v")).isFalse();
    assertThat(cells.get(1).path("v").asDouble()).isEqualTo(1.5);
    assertThat(cells.get(1).path("lo").asDouble()).isEqualTo(1.0);
    JsonNode skipped = node.path("sections").get(1);
    assertThat(skipped.path("status").asText()).isEqualTo("skipped");
    assertThat(skipped.path("reason").asText()).isEqualTo("needs a corpus");
    assertThat(skipped.has("data")).isFalse();
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
