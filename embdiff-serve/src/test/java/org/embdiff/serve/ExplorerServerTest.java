package org.embdiff.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.embdiff.vec.EmbeddingSpace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HTTP API over a small explorer on a free loopback port: answers, refusals and limits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private Explorer explorer;
  private ExplorerServer server;

  @BeforeAll
  void start() {
    EmbeddingSpace a = ExplorerTest.random(11, 300, 10);
    EmbeddingSpace b = ExplorerTest.random(12, 300, 10);
    explorer = Explorer.build(new Explorer.Side("a", "a", a, ExplorerTest.counts(a, 1), "list", null),
        new Explorer.Side("b", "b", b, ExplorerTest.counts(b, 2), "list", null), ExplorerTest.settings(100), null).awaitPrepared();
    server = ExplorerServer.start(explorer, "127.0.0.1", 0, ExplorerServer.Limits.defaults());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiAnswersWhatTheExplorerComputes() throws Exception {
    String w = ExplorerTest.word(4);
    HttpResponse<String> r = get("/api/word?w=" + w + "&k=7");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    JsonNode v = json.readTree(r.body());
    Views.WordView direct = explorer.word(w, 7);
    assertThat(v.path("neighboursA")).hasSize(7);
    for (int i = 0; i < 7; i++) {
      assertThat(v.path("neighboursA").get(i).path("word").asText()).isEqualTo(direct.neighboursA().get(i).word());
      assertThat(v.path("neighboursB").get(i).path("word").asText()).isEqualTo(direct.neighboursB().get(i).word());
    }
    assertThat(v.path("overlapK").asDouble()).isEqualTo(direct.overlapK());
    JsonNode page = json.readTree(get("/api/shift?sort=word&order=asc&offset=10&limit=5").body());
    assertThat(page.path("total").asInt()).isEqualTo(300);
    assertThat(page.path("rows")).hasSize(5);
    assertThat(page.path("rows").get(0).path("word").asText()).isEqualTo(explorer.table("word", false, null, null, null, null, 10, 5)
        .rows().get(0).word());
    assertThat(json.readTree(get("/api/meta").body()).path("shared").asInt()).isEqualTo(300);
    assertThat(json.readTree(get("/api/complete?q=wordc&limit=3").body())).hasSize(3);
    assertThat(json.readTree(get("/api/multiples?n=3&k=5").body()).path("words")).hasSize(3);
    assertThat(json.readTree(get("/api/domain").body()).path("available").asBoolean()).isTrue();
    assertThat(json.readTree(get("/api/similarity?w1=" + w + "&w2=" + ExplorerTest.word(5)).body()).path("cosineA").isNumber()).isTrue();
    assertThat(json.readTree(get("/api/analogy?a=" + w + "&b=" + ExplorerTest.word(5) + "&c=" + ExplorerTest.word(6)).body())
        .path("inA").path("answers")).hasSize(10);
    HttpResponse<String> pageHtml = get("/");
    assertThat(pageHtml.statusCode()).isEqualTo(200);
    assertThat(pageHtml.headers().firstValue("content-security-policy").orElse("")).contains("script-src 'self'")
        .contains("connect-src 'self'");
    assertThat(get("/assets/echarts.min.js").body()).contains("echarts");
  }

  @Test
  void badRequestsGetOneLineReasonsAndNothingButGetIsServed() throws Exception {
    HttpResponse<String> r = get("/api/word?w=x&k=zero");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).path("error").asText()).contains("'k'").contains("integer");
    assertThat(get("/api/word").statusCode()).isEqualTo(400);
    assertThat(get("/api/shift?sort=nonsense").statusCode()).isEqualTo(400);
    assertThat(get("/api/shift?limit=100000").statusCode()).isEqualTo(400);
    assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/meta"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    // a request line over the 8 KiB limit is refused by the server before any handler runs
    HttpResponse<String> big = get("/api/word?w=" + "a".repeat(20_000));
    assertThat(big.statusCode()).isBetween(400, 499);
  }

  @Test
  void aRequestNamingAnotherHostIsRefused() throws Exception {
    // java.net.http does not let a client set Host, so this one is written by hand
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /api/meta HTTP/1.1\r\nHost: attacker.example:" + server.port() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 403").contains("localhost").doesNotContain("\"shared\"");
    }
  }

  @Test
  void aCallOverTheTimeLimitIsStoppedWith503() throws Exception {
    EmbeddingSpace a = ExplorerTest.random(21, 3000, 60);
    EmbeddingSpace b = ExplorerTest.random(22, 3000, 60);
    Explorer big = Explorer.build(new Explorer.Side("a", "a", a, null, "rows", null), new Explorer.Side("b", "b", b, null, "rows", null),
        new Explorer.Settings(300, 10, 0, 50, 1, 3, 100, List.of(), 1), null).awaitPrepared();
    try (ExplorerServer slow = ExplorerServer.start(big, "127.0.0.1", 0, new ExplorerServer.Limits(8192, 1, 2))) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.port()
          + "/api/multiples?n=60&k=50")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(json.readTree(r.body()).path("error").asText()).contains("longer than 1 ms");
    }
  }
}
