package io.baton.stack.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.util.TestMetricGroup;
import org.junit.jupiter.api.Test;

class LoopbackPrometheusReporterTest {

  @Test
  void servesLabelledMetricsOnLoopbackOnly() throws Exception {
    int port = freePort();
    Properties options = new Properties();
    options.setProperty(LoopbackPrometheusReporterFactory.PORT, Integer.toString(port));
    LoopbackPrometheusReporter reporter = new LoopbackPrometheusReporterFactory().createMetricReporter(options);
    try {
      reporter.open(new MetricConfig());
      SimpleCounter counter = new SimpleCounter();
      counter.inc(3);
      TestMetricGroup group = TestMetricGroup.newBuilder().setVariables(Map.of("<reason>", "schema"))
          .setLogicalScopeFunction((filter, delimiter) -> String.join(String.valueOf(delimiter.orElse('.')),
              List.of("taskmanager", "job", "task", "operator", "baton", "reason"))).build();
      reporter.notifyOfAddedMetric(counter, "deadLettered", group);

      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(body).contains("flink_taskmanager_job_task_operator_baton_reason_deadLettered{reason=\"schema\",} 3.0");
      for (InetAddress address : nonLoopbackIpv4()) {
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(address, port), 2000))
            .as("connect to %s:%d", address, port).isInstanceOf(IOException.class);
      }
    } finally {
      reporter.close();
    }
  }

  @Test
  void takesTheNextPortOfItsRangeWhenTheFirstIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int first = taken.getLocalPort();
      Properties options = new Properties();
      options.setProperty(LoopbackPrometheusReporterFactory.PORT, first + "," + freePort());
      LoopbackPrometheusReporter reporter = new LoopbackPrometheusReporterFactory().createMetricReporter(options);
      try {
        assertThat(reporter.port()).isNotEqualTo(first);
      } finally {
        reporter.close();
      }
    }
  }

  @Test
  void portOptionReadsPortsRangesAndLists() {
    assertThat(LoopbackPrometheusReporterFactory.ports("9249")).containsExactly(9249);
    assertThat(LoopbackPrometheusReporterFactory.ports("9249,9251-9253")).containsExactly(9249, 9251, 9252, 9253);
    assertThatThrownBy(() -> LoopbackPrometheusReporterFactory.ports("9253-9251"))
        .hasMessageContaining("use a port, a range 9249-9260 or a list of both");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static List<InetAddress> nonLoopbackIpv4() throws IOException {
    return NetworkInterface.networkInterfaces().filter(i -> {
      try {
        return i.isUp() && !i.isLoopback();
      } catch (IOException e) {
        return false;
      }
    }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).toList();
  }
}
