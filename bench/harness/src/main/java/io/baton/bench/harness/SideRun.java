package io.baton.bench.harness;

import java.time.Duration;
import java.util.Objects;

/**
 * One run of one side: where the input is, where the output goes, how many records the input holds, and a name unique to
 * the run (for consumer groups, transactional ids and application ids, so no run sees another's state).
 *
 * <pre>{@code
 * SideRun run = SideRun.of("127.0.0.1:9092", "bench.input", "bench.out.a1", 1_000_000, "a1");
 * }</pre>
 *
 * @param bootstrapServers the Kafka broker
 * @param input the pre-produced input topic (one partition)
 * @param output a fresh, empty output topic
 * @param records how many records the input holds (all of them are processed)
 * @param runId unique per run, e.g. {@code "b2"} for side B in round 2
 * @param timeout how long the run may take before it counts as failed
 */
public record SideRun(String bootstrapServers, String input, String output, long records, String runId,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public SideRun {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(timeout, "timeout");
    if (records < 1) {
      throw new IllegalArgumentException("records must be at least 1, got " + records);
    }
  }

  /** A run with the default timeout of {@link #DEFAULT_TIMEOUT}. */
  public static SideRun of(String bootstrapServers, String input, String output, long records, String runId) {
    return new SideRun(bootstrapServers, input, output, records, runId, DEFAULT_TIMEOUT);
  }
}
