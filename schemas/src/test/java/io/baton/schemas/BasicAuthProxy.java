package io.baton.schemas;

import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry that demands HTTP basic auth: a reverse proxy on a free 127.0.0.1 port that
 * answers 401 to requests without the expected {@code Authorization: Basic ...} header and passes
 * every other request on to a real registry.
 *
 * <p>It exists because the registry the tests run, Apicurio 2.6, offers basic auth only through a
 * Keycloak server; this keeps the credentials' path (client properties → Confluent client → HTTP)
 * real without one. The accepted credentials can change while it runs, like a rotated password.
 *
 * <pre>{@code
 * try (BasicAuthProxy proxy = BasicAuthProxy.start(apicurio.ccompatUrl(), "baton", "s3cret")) {
 *   SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(proxy.url()).withBasicAuth("baton", "s3cret"));
 * }
 * }</pre>
 */
public final class BasicAuthProxy implements AutoCloseable {
  /** Headers java.net.http sets itself, and hop-by-hop ones a proxy must not pass on. */
  private static final Set<String> NOT_FORWARDED = Set.of("authorization", "connection", "content-length", "expect",
      "host", "keep-alive", "transfer-encoding", "upgrade");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private final AtomicInteger admitted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile String expected;

  private BasicAuthProxy(URI upstream, String user, String password) throws IOException {
    this.upstream = upstream;
    accept(user, password);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A proxy in front of the registry at {@code upstreamUrl} (a ccompat base URL) that admits only {@code user:password}. */
  public static BasicAuthProxy start(String upstreamUrl, String user, String password) throws IOException {
    return new BasicAuthProxy(URI.create(upstreamUrl), user, password);
  }

  /** From now on, admit only {@code user:password}. */
  public void accept(String user, String password) {
    expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The same base URL as upstream's, on the proxy's port. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + upstream.getRawPath();
  }

  /** Requests passed on to the registry so far. */
  public int admitted() {
    return admitted.get();
  }

  /** Requests answered with 401 so far. */
  public int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        refused.incrementAndGet();
        byte[] body = "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"registry\"");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      admitted.incrementAndGet();
      forward(exchange);
    }
  }

  private void forward(HttpExchange exchange) throws IOException {
    URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    byte[] requestBody;
    try (InputStream in = exchange.getRequestBody()) {
      requestBody = in.readAllBytes();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .method(exchange.getRequestMethod(), requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase())) {
        values.forEach(v -> request.header(name, v));
      }
    });
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding " + target, e);
    }
    for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
      if (!NOT_FORWARDED.contains(h.getKey().toLowerCase()) && !h.getKey().startsWith(":")) {
        h.getValue().forEach(v -> exchange.getResponseHeaders().add(h.getKey(), v));
      }
    }
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
