package io.baton.stack.reporter;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;

/**
 * Flink's Prometheus reporter (its metric names, labels and registry) with its HTTP endpoint bound to 127.0.0.1:
 * Flink's own {@code PrometheusReporter} listens on every interface and has no bind-address setting.
 *
 * <pre>{@code
 * metrics.reporter.prom.factory.class: io.baton.stack.reporter.LoopbackPrometheusReporterFactory
 * metrics.reporter.prom.port: 9249-9260
 * }</pre>
 */
public final class LoopbackPrometheusReporter extends AbstractPrometheusReporter {
  private final HTTPServer server;

  /** Serves on the first port of {@code ports} that is free on 127.0.0.1. */
  LoopbackPrometheusReporter(List<Integer> ports) {
    this.server = serveOnFirstFree(ports, registryOf(this));
  }

  /** The port the endpoint listens on. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stop();
    super.close();
  }

  private static HTTPServer serveOnFirstFree(List<Integer> ports, CollectorRegistry registry) {
    IOException last = null;
    for (int port : ports) {
      try {
        return new HTTPServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), registry, true);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException("no free port for the Prometheus endpoint on 127.0.0.1 among " + ports, last);
  }

  /** The reporter's registry: a package-private field of Flink's base class, read once when the reporter is made. */
  private static CollectorRegistry registryOf(AbstractPrometheusReporter reporter) {
    try {
      Field field = AbstractPrometheusReporter.class.getDeclaredField("registry");
      field.setAccessible(true);
      return (CollectorRegistry) field.get(reporter);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this flink-metrics-prometheus has no registry field to serve", e);
    }
  }
}
