package io.baton.api;

/** How a stage's output reaches its topic. */
public enum Delivery {
  /** Kafka transactions tied to Flink checkpoints; readers see each record once (the default). */
  EXACTLY_ONCE,
  /** Lower latency; a restart may write some records twice. */
  AT_LEAST_ONCE
}
