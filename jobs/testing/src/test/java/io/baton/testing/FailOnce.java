package io.baton.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;

/**
 * Failures injected into stage functions (the MiniCluster runs in the test JVM): once armed, a stage's function
 * fails on its {@value #FAIL_AT}th call, after the output of an earlier call is in the broker inside a transaction
 * still open. The stage's task thread waits for that, so no checkpoint barrier passes in between: the failure
 * lands after uncommitted output, which the restart rolls back.
 *
 * <pre>{@code
 * FailOnce.register("p/count-1", "p.count-1", kafka);
 * FailOnce.arm("p/count-1");            // then in the stage function: FailOnce.call("p/count-1");
 * }</pre>
 */
final class FailOnce {
  static final int FAIL_AT = 2;
  static final String MESSAGE = "injected failure after uncommitted output";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Map<String, Hook> HOOKS = new ConcurrentHashMap<>();

  private FailOnce() {}

  private static final class Hook {
    final String outputTopic;
    final String kafka;
    volatile boolean armed;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicBoolean failed = new AtomicBoolean();

    Hook(String outputTopic, String kafka) {
      this.outputTopic = outputTopic;
      this.kafka = kafka;
    }
  }

  /** A stage that may fail; its output topic is where the rolled-back output must show first. */
  static void register(String job, String outputTopic, String kafka) {
    HOOKS.put(job, new Hook(outputTopic, kafka));
  }

  /** From now on, the stage's {@value #FAIL_AT}th call fails. */
  static void arm(String job) {
    HOOKS.get(job).armed = true;
  }

  static boolean failed(String job) {
    return HOOKS.get(job).failed.get();
  }

  /** Called by stage functions: fails once when armed, at the {@value #FAIL_AT}th call. */
  static void call(String job) {
    Hook hook = HOOKS.get(job);
    if (hook == null || !hook.armed || hook.calls.incrementAndGet() != FAIL_AT || !hook.failed.compareAndSet(false, true)) {
      return;
    }
    awaitOpenTransaction(hook);
    throw new IllegalStateException(MESSAGE + " in " + job);
  }

  /** Waits until the output topic holds records of a transaction not yet committed (its stable offset lags its end). */
  private static void awaitOpenTransaction(Hook hook) {
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", hook.kafka))) {
      Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
          .until(() -> TopicEnds.of(admin, hook.outputTopic).open());
    }
  }
}
