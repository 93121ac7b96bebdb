package io.baton.flink.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Feed} is asked to write: how many events, from which seed (one seed, one stream), at
 * which event-time rate, starting when.
 *
 * <pre>{@code
 * FeedRequest request = new FeedRequest(20_000, 1, 1_000, Instant.parse("2026-01-01T00:00:00Z"));
 * }</pre>
 *
 * @param events events to write, at least 1
 * @param seed random seed
 * @param eventsPerSecond event-time rate of the stream, at least 1
 * @param start event time of the first event
 */
public record FeedRequest(long events, long seed, long eventsPerSecond, Instant start) {
  public FeedRequest {
    List<String> problems = new ArrayList<>();
    if (events <= 0) {
      problems.add("events must be positive, got " + events);
    }
    if (eventsPerSecond <= 0) {
      problems.add("eventsPerSecond must be positive, got " + eventsPerSecond);
    }
    if (start == null) {
      problems.add("start must not be null, e.g. Instant.parse(\"2026-01-01T00:00:00Z\")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid FeedRequest: " + String.join("; ", problems));
    }
  }
}
