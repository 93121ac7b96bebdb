package io.baton.flink.status;

import java.time.Duration;
import java.time.Instant;

/**
 * A stage job's last completed checkpoint (Flink REST {@code /jobs/<id>/checkpoints}, {@code latest.completed}) and
 * how long ago it completed, by the JobManager's clock.
 *
 * <pre>{@code
 * LastCheckpoint.of(42, Instant.parse("2026-12-05T10:00:00Z"), Duration.ofSeconds(1));
 * }</pre>
 *
 * @param id the checkpoint's id
 * @param completedAt when its last acknowledgement arrived
 * @param age how long before the status was read
 */
public record LastCheckpoint(long id, Instant completedAt, Duration age) {
  public LastCheckpoint {
    if (completedAt == null || age == null) {
      throw new IllegalArgumentException("completedAt and age must not be null");
    }
    age = age.isNegative() ? Duration.ZERO : age;
  }

  public static LastCheckpoint of(long id, Instant completedAt, Duration age) {
    return new LastCheckpoint(id, completedAt, age);
  }
}
