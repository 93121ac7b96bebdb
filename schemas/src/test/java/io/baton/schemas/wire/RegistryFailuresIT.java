package io.baton.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.baton.schemas.ApicurioRegistryExtension;
import io.baton.schemas.TestSchemas;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.RegistryException;
import io.baton.schemas.registry.RegistryUnavailableException;
import io.baton.schemas.registry.SchemaNotFoundException;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.stack.ThrowawayRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a decoder makes of a registry that cannot answer versus one that answers "no such schema": only the registry's
 * own "not found" (404 with 40403) dead-letters a record ({@code schema}); a registry that is down, hung, failing
 * (5xx) or a 404 page that is not the registry's throws a {@link RegistryException}, which fails the task instead.
 */
@ExtendWith(ApicurioRegistryExtension.class)
class RegistryFailuresIT {

  @Test
  void anIdTheRegistryDoesNotKnowIsASchemaDeadLetter(ApicurioRegistryExtension.Registry apicurio) {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, 987_001).encode(new Reading("s", 1.0, 1L));

    try (WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class, apicurio.config())) {
      assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOfSatisfying(DecodeException.class,
          e -> assertThat(e.reason()).isEqualTo("schema"))
          .hasMessageContaining("unknown schema id 987001");
    }
  }

  @Test
  void aStoppedRegistryIsUnavailableAndTheSameRecordDecodesOnceItIsBack() throws Exception {
    try (ThrowawayRegistry registry = ThrowawayRegistry.start("baton-registry-failures-")) {
      RegistryConfig config = RegistryConfig.of(registry.url());
      int id;
      try (SchemaRegistry client = SchemaRegistry.connect(config)) {
        id = client.register("failures-" + UUID.randomUUID() + "-value", TestSchemas.READING_WITH_UNIT);
      }
      byte[] bytes = withUnit(id, "F");

      try (WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class, config)) {
        registry.stop();
        assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(RegistryUnavailableException.class)
            .hasMessageContaining("cannot fetch schema id " + id).hasMessageContaining("unreachable");

        registry.restart();
        assertThat(decoder.decode(bytes)).isEqualTo(new Reading("u", 71.6, 6L));
      }
    }
  }

  @Test
  void aClosedPortIsUnavailable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertUnavailable(RegistryConfig.of("http://127.0.0.1:" + port + "/apis/ccompat/v7"), "unreachable");
  }

  @Test
  void aServerErrorIsUnavailable() throws IOException {
    HttpServer server = answering(503, "application/json", "{\"error_code\":50301,\"message\":\"starting\"}");
    try {
      assertUnavailable(RegistryConfig.of(url(server)), "HTTP 503");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aNotFoundPageThatIsNotTheRegistrysAnswerIsNoDeadLetter() throws IOException {
    HttpServer server = answering(404, "text/html", "<html><body>404 Not Found (proxy)</body></html>");
    try (WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class, RegistryConfig.of(url(server)))) {
      assertThatThrownBy(() -> decoder.decode(WireEncoder.forSpecific(Reading.class, 5).encode(new Reading("s", 1.0, 1L))))
          .isInstanceOf(RegistryException.class).isNotInstanceOf(SchemaNotFoundException.class)
          .hasMessageContaining("HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRegistryThatAcceptsButNeverAnswersIsUnavailableAfterTheReadTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> holdConnections(silent), "silent-registry");
      acceptor.setDaemon(true);
      acceptor.start();
      RegistryConfig config = RegistryConfig.of("http://127.0.0.1:" + silent.getLocalPort() + "/apis/ccompat/v7")
          .withProperty(RegistryConfig.HTTP_READ_TIMEOUT_MS, "700");
      long start = System.nanoTime();
      assertUnavailable(config, "timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(8));
    }
  }

  private static void assertUnavailable(RegistryConfig config, String why) {
    byte[] bytes = WireEncoder.forSpecific(Reading.class, 5).encode(new Reading("s", 1.0, 1L));
    try (WireDecoder<Reading> decoder = WireDecoder.forSpecific(Reading.class, config)) {
      assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(RegistryUnavailableException.class)
          .hasMessageContaining(why);
    }
  }

  private static byte[] withUnit(int id, String unit) {
    GenericRecord r = new GenericData.Record(TestSchemas.READING_WITH_UNIT);
    r.put("sensorId", "u");
    r.put("celsius", 71.6);
    r.put("timestamp", 6L);
    r.put("unit", unit);
    return WireEncoder.forGeneric(TestSchemas.READING_WITH_UNIT, id).encode(r);
  }

  /** An HTTP server on a free port answering every request with {@code status} and {@code body}. */
  private static HttpServer answering(int status, String contentType, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, b.length);
      exchange.getResponseBody().write(b);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
  }

  /** Accepts connections and reads nothing, answers nothing, until the socket closes. */
  private static void holdConnections(ServerSocket server) {
    java.util.List<Socket> held = new java.util.ArrayList<>();
    try {
      while (true) {
        held.add(server.accept());
      }
    } catch (IOException closed) {
      held.forEach(s -> {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a test socket
        }
      });
    }
  }
}
