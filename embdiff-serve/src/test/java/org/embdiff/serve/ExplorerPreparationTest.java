package org.embdiff.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.Test;

/** Word views are answered before the shift table exists; the server answers 503 until the sides are loaded. */
class ExplorerPreparationTest {
  private static Explorer unprepared() {
    EmbeddingSpace a = ExplorerTest.random(21, 300, 10);
    EmbeddingSpace b = ExplorerTest.random(22, 300, 10);
    return Explorer.build(new Explorer.Side("a", "a", a, ExplorerTest.counts(a, 1), "list", null),
        new Explorer.Side("b", "b", b, ExplorerTest.counts(b, 2), "list", null), ExplorerTest.settings(100), null);
  }

  @Test
  void wordViewsWorkBeforeTheShiftTableIsReadyAndGainTheRowAfter() {
    try (Explorer ex = unprepared()) {
      String w = ExplorerTest.word(3);
      Views.WordView before = ex.word(w, 10);
      assertThat(before.found()).isTrue();
      assertThat(before.neighboursA()).hasSize(10);
      assertThat(before.neighboursB()).hasSize(10);
      assertThat(before.shiftReady()).isFalse();
      assertThat(before.shift()).isNull();
      Views.ShiftPage waiting = ex.table("delta", true, null, null, null, null, 0, 50);
      assertThat(waiting.ready()).isFalse();
      assertThat(waiting.rows()).isEmpty();
      assertThat(waiting.progress()).contains("s since start-up");
      assertThat(ex.meta().shiftReady()).isFalse();
      assertThat(ex.multiples(5, 10).ready()).isFalse();
      assertThat(ex.projection(java.util.List.of()).ready()).isFalse();
      assertThat(ex.domainTerms().ready()).isFalse();

      ex.awaitPrepared();
      Views.WordView after = ex.word(w, 10);
      assertThat(after.shiftReady()).isTrue();
      assertThat(after.shift()).isNotNull();
      assertThat(after.shift().word()).isEqualTo(w);
      assertThat(after.neighboursA()).isEqualTo(before.neighboursA());
      Views.ShiftPage page = ex.table("delta", true, null, null, null, null, 0, 50);
      assertThat(page.ready()).isTrue();
      assertThat(page.total()).isEqualTo(300);
      assertThat(ex.meta().shiftReady()).isTrue();
      assertThat(ex.meta().domainReady()).isTrue();
      assertThat(ex.meta().progress()).startsWith("ready");
      assertThat(ex.domainTerms().available()).isTrue();
    }
  }

  @Test
  void theServerAnswersStillLoadingUntilTheExplorerIsThere() throws Exception {
    CompletableFuture<Explorer> loading = new CompletableFuture<>();
    HttpClient http = HttpClient.newHttpClient();
    try (ExplorerServer server = ExplorerServer.start(loading, "127.0.0.1", 0, ExplorerServer.Limits.defaults());
        Explorer ex = unprepared()) {
      URI word = URI.create("http://127.0.0.1:" + server.port() + "/api/word?w=" + ExplorerTest.word(3));
      HttpResponse<String> early = http.send(HttpRequest.newBuilder(word).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(early.statusCode()).isEqualTo(503);
      assertThat(early.body()).contains("still loading");
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      loading.complete(ex);
      HttpResponse<String> later = http.send(HttpRequest.newBuilder(word).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(later.statusCode()).isEqualTo(200);
      assertThat(later.body()).contains("\"found\":true").contains("\"shiftReady\":false");
    }
  }
}
