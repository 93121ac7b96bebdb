package io.baton.cli;

import java.time.Duration;

/**
 * The interval of {@code --watch}: {@code 500ms}, {@code 2s}, {@code 1m}, or a number of seconds; at least 100ms.
 *
 * <pre>{@code
 * WatchInterval.parse("5s");   // PT5S
 * }</pre>
 */
final class WatchInterval {
  private WatchInterval() {}

  static Duration parse(String text) {
    Duration d;
    try {
      d = text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
          : text.endsWith("s") ? Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)))
          : text.endsWith("m") ? Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)))
          : Duration.ofSeconds(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new CliException("--watch interval must look like 500ms, 2s or 1m, got '" + text + "'");
    }
    if (d.toMillis() < 100) {
      throw new CliException("--watch interval must be at least 100ms, got '" + text + "'");
    }
    return d;
  }
}
