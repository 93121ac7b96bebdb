package io.baton.cli.faults;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * Bounded waits on a condition, polled; an exception from the condition counts as "not yet".
 *
 * <pre>{@code
 * Waits.until("the job runs", Duration.ofMinutes(2), () -> flink.state(id).equals("RUNNING"));
 * }</pre>
 */
public final class Waits {
  static final Duration POLL = Duration.ofMillis(250);

  private Waits() {}

  /** Polls {@code condition} until it holds; throws after {@code timeout}, naming {@code what}. */
  public static void until(String what, Duration timeout, Callable<Boolean> condition)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        TimeoutException t = new TimeoutException("waited " + timeout + " for " + what);
        if (last != null) {
          t.initCause(last);
        }
        throw t;
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
