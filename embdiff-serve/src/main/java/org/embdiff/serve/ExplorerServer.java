package org.embdiff.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP side of {@code embdiff serve}: a read-only JSON API over an {@link Explorer} and the
 * page that draws it (Javalin on Jetty). Only GET; a request line and headers of at most
 * {@link Limits#maxRequestBytes}; each API call computed on a bounded worker pool and answered 503
 * after {@link Limits#timeoutMillis}. The page is static (no data is written into it by the
 * server), builds its DOM with {@code textContent} and runs under a Content-Security-Policy that
 * allows scripts, styles and requests only from this server.
 */
public final class ExplorerServer implements AutoCloseable {
  /** Classpath location of ECharts in the webjar (the build the report inlines). */
  static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  /**
   * Server limits.
   *
   * @param maxRequestBytes largest request line + headers (and body, though every route is GET)
   * @param timeoutMillis longest time one API call may compute
   * @param workers API calls computed at once (others wait in the queue)
   */
  public record Limits(int maxRequestBytes, long timeoutMillis, int workers) {
    /** Validates. */
    public Limits {
      if (maxRequestBytes < 1024 || timeoutMillis < 1 || workers < 1) {
        throw new IllegalArgumentException("invalid server limits: maxRequestBytes " + maxRequestBytes + " (>= 1024), timeoutMillis "
            + timeoutMillis + ", workers " + workers);
      }
    }

    /** 8 KiB requests, 10 s per call, 2 workers per core. */
    public static Limits defaults() {
      return new Limits(8 * 1024, 10_000, 2 * Runtime.getRuntime().availableProcessors());
    }
  }

  private final CompletableFuture<Explorer> explorer;
  private final Limits limits;
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService workers;
  private final boolean loopback;
  private final byte[] page;
  private final byte[] script;
  private final byte[] style;
  private final byte[] echarts;
  private final Javalin app;

  private ExplorerServer(CompletableFuture<Explorer> explorer, String host, int port, Limits limits) {
    this.explorer = explorer;
    this.limits = limits;
    this.loopback = isLoopback(host);
    this.page = resource("/org/embdiff/serve/index.html");
    this.script = resource("/org/embdiff/serve/serve.js");
    this.style = resource("/org/embdiff/serve/serve.css");
    this.echarts = resource(ECHARTS);
    this.workers = Executors.newFixedThreadPool(limits.workers(), r -> {
      Thread t = new Thread(r, "embdiff-serve-worker");
      t.setDaemon(true);
      return t;
    });
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.jetty.threadPool = new QueuedThreadPool(Math.max(16, 4 * limits.workers()), 2);
      config.jetty.modifyHttpConfiguration(h -> {
        h.setRequestHeaderSize(limits.maxRequestBytes());
        h.setSendServerVersion(false);
      });
      config.http.maxRequestSize = limits.maxRequestBytes();
      config.http.prefer405over404 = true;
      config.routes.before(this::guard);
      config.routes.get("/", ctx -> asset(ctx, page, "text/html; charset=utf-8"));
      config.routes.get("/assets/serve.js", ctx -> asset(ctx, script, "text/javascript; charset=utf-8"));
      config.routes.get("/assets/serve.css", ctx -> asset(ctx, style, "text/css; charset=utf-8"));
      config.routes.get("/assets/echarts.min.js", ctx -> asset(ctx, echarts, "text/javascript; charset=utf-8"));
      config.routes.get("/api/meta", ctx -> api(ctx, e -> e.meta()));
      config.routes.get("/api/complete", ctx -> api(ctx, e -> e.complete(text(ctx, "q", true), intParam(ctx, "limit", 10, 1, 50))));
      config.routes.get("/api/word", ctx -> api(ctx, e -> e.word(text(ctx, "w", true), intParam(ctx, "k", 10, 1, 1000))));
      config.routes.get("/api/shift", ctx -> api(ctx, e -> e.table(choice(ctx, "sort", "delta", Explorer.SORT_KEYS),
          !"asc".equals(choice(ctx, "order", "desc", List.of("asc", "desc"))), text(ctx, "band", false),
          blankToNull(choice(ctx, "tag", "", withBlank(Explorer.TAG_NAMES))), doubleParam(ctx, "maxp"), text(ctx, "q", false),
          intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE), intParam(ctx, "limit", 50, 1, 500))));
      config.routes.get("/api/multiples", ctx -> api(ctx, e -> e.multiples(intParam(ctx, "n", 12, 1, 60),
          intParam(ctx, "k", 10, 2, 50))));
      config.routes.get("/api/domain", ctx -> api(ctx, e -> e.domainTerms()));
      config.routes.get("/api/analogy", ctx -> api(ctx, e -> e.analogy(text(ctx, "a", true), text(ctx, "b", true),
          text(ctx, "c", true), intParam(ctx, "k", 10, 1, 100))));
      config.routes.get("/api/similarity", ctx -> api(ctx, e -> e.similarity(text(ctx, "w1", true), text(ctx, "w2", true))));
      config.routes.get("/api/projection", ctx -> api(ctx, e -> e.projection(words(ctx))));
      config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
      config.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          error(ctx, HttpStatus.NOT_FOUND, "no such page or API call: " + ctx.path());
        }
      });
    });
  }

  /** Starts serving {@code explorer} on {@code host:port} (port 0 = a free port). */
  public static ExplorerServer start(Explorer explorer, String host, int port, Limits limits) {
    return start(CompletableFuture.completedFuture(explorer), host, port, limits);
  }

  /**
   * Starts listening while {@code explorer} is still being loaded (the server's start-up overlaps
   * the loading): until it completes, API calls are answered 503 with a "still loading" message.
   */
  public static ExplorerServer start(CompletableFuture<Explorer> explorer, String host, int port, Limits limits) {
    ExplorerServer server = new ExplorerServer(explorer, host, port, limits);
    server.app.start();
    return server;
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  /** The address to open in a browser. */
  public URI uri(String host) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port() + "/");
  }

  @Override
  public void close() {
    app.stop();
    workers.shutdownNow();
  }

  private void guard(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    String query = ctx.queryString();
    if (query != null && query.length() > limits.maxRequestBytes()) {
      throw new BadRequest("query string of " + query.length() + " characters is over the limit of " + limits.maxRequestBytes());
    }
    if (loopback) {
      // a page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own name here
      String hostHeader = ctx.header("Host");
      String name = hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
      if (!LOOPBACK_NAMES.contains(name)) {
        ctx.skipRemainingHandlers();
        error(ctx, HttpStatus.FORBIDDEN, "this server answers only requests addressed to localhost or 127.0.0.1, not '" + name + "'");
      }
    }
  }

  private static void asset(Context ctx, byte[] body, String type) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.contentType(type).result(body);
  }

  private void api(Context ctx, java.util.function.Function<Explorer, Object> call) throws Exception {
    if (!explorer.isDone()) {
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "still loading the two spaces; try again in a moment");
      return;
    }
    if (explorer.isCompletedExceptionally()) {
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the two spaces could not be loaded; see the server's output");
      return;
    }
    Explorer target = explorer.join();
    Future<Object> f;
    try {
      f = workers.submit(() -> call.apply(target));
    } catch (RejectedExecutionException e) {
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the server is shutting down");
      return;
    }
    Object value;
    try {
      value = f.get(limits.timeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the request took longer than " + limits.timeoutMillis() + " ms and was stopped");
      return;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BadRequest || cause instanceof IllegalArgumentException) {
        error(ctx, HttpStatus.BAD_REQUEST, cause.getMessage());
        return;
      }
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
    ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsBytes(value));
  }

  private void error(Context ctx, HttpStatus status, String message) {
    try {
      ctx.status(status).contentType("application/json; charset=utf-8")
          .result(json.writeValueAsBytes(java.util.Map.of("error", message == null ? status.getMessage() : message)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Context ctx, String name, boolean required) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      if (required) {
        throw new BadRequest("missing query parameter '" + name + "'");
      }
      return null;
    }
    if (v.length() > 1000) {
      throw new BadRequest("query parameter '" + name + "' is " + v.length() + " characters long; at most 1000");
    }
    return v;
  }

  private static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int x = Integer.parseInt(v.strip());
      if (x < min || x > max) {
        throw new BadRequest("query parameter '" + name + "' is " + x + "; expected " + min + ".." + max);
      }
      return x;
    } catch (NumberFormatException e) {
      throw new BadRequest("query parameter '" + name + "' is '" + v + "'; expected an integer");
    }
  }

  private static Double doubleParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      double x = Double.parseDouble(v.strip());
      if (!(x >= 0 && x <= 1)) {
        throw new BadRequest("query parameter '" + name + "' is " + v + "; expected a share in [0, 1]");
      }
      return x;
    } catch (NumberFormatException e) {
      throw new BadRequest("query parameter '" + name + "' is '" + v + "'; expected a number");
    }
  }

  private static String choice(Context ctx, String name, String dflt, List<String> allowed) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    if (!allowed.contains(v)) {
      throw new BadRequest("query parameter '" + name + "' is '" + v + "'; expected one of " + allowed);
    }
    return v;
  }

  private static List<String> withBlank(List<String> values) {
    List<String> out = new ArrayList<>(values);
    out.add("");
    return out;
  }

  private static String blankToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }

  private static List<String> words(Context ctx) {
    String v = text(ctx, "words", false);
    if (v == null) {
      return List.of();
    }
    List<String> out = Arrays.stream(v.split("[,\\s]+")).filter(w -> !w.isEmpty()).distinct().toList();
    if (out.size() > 100) {
      throw new BadRequest("at most 100 words, got " + out.size());
    }
    return out;
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve host '" + host + "': " + e.getMessage());
    }
  }

  private static byte[] resource(String path) {
    try (InputStream in = ExplorerServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    }
  }

  /** A request the server refuses with 400 and a one-line reason. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
