package io.baton.stack;

import java.time.Duration;
import java.time.Instant;

/**
 * Polls a readiness probe while watching the server process; never a fixed sleep.
 *
 * <pre>{@code
 * Await.ready(process, deadline, "answers GET /overview", () -> http.get(url).statusCode() == 200);
 * }</pre>
 */
final class Await {
  private static final Duration POLL = Duration.ofMillis(150);

  /** A readiness check; an exception counts as "not yet". */
  @FunctionalInterface
  interface Probe {
    boolean ready() throws Exception;
  }

  private Await() {}

  static void ready(ManagedProcess process, Instant deadline, String condition, Probe probe)
      throws StackException, InterruptedException {
    String last = "";
    while (true) {
      if (!process.isAlive()) {
        throw new StackException(process.component().id() + " exited"
            + process.exitCode().map(c -> " with code " + c).orElse("") + " while starting");
      }
      try {
        if (probe.ready()) {
          return;
        }
        last = "";
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = " (last error: " + e + ")";
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StackException(process.component().id() + " did not become ready (" + condition + ") in time" + last);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
