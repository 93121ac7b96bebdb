package io.baton.stack.reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Makes a {@link LoopbackPrometheusReporter} from the reporter's {@code port} option: one port ({@code 9249}), a
 * range ({@code 9249-9260}) or a list of both ({@code 9249,9251-9253}); default {@code 9249-9260}, as Flink's.
 *
 * <pre>{@code
 * metrics.reporter.prom.factory.class: io.baton.stack.reporter.LoopbackPrometheusReporterFactory
 * }</pre>
 */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {
  static final String PORT = "port";
  static final String DEFAULT_PORTS = "9249-9260";

  @Override
  public LoopbackPrometheusReporter createMetricReporter(Properties properties) {
    return new LoopbackPrometheusReporter(ports(properties.getProperty(PORT, DEFAULT_PORTS)));
  }

  /** {@code 9249,9251-9253} as {@code [9249, 9251, 9252, 9253]}. */
  static List<Integer> ports(String text) {
    List<Integer> ports = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] range = part.trim().split("-");
      try {
        int from = Integer.parseInt(range[0].trim());
        int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
        if (range.length > 2 || from < 0 || to > 65535 || to < from) {
          throw new NumberFormatException();
        }
        for (int p = from; p <= to; p++) {
          ports.add(p);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("metrics reporter port '" + text + "': use a port, a range 9249-9260 or a list of both");
      }
    }
    return ports;
  }
}
