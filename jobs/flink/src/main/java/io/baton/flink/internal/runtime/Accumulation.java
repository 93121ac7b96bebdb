package io.baton.flink.internal.runtime;

/**
 * What an aggregating stage keeps per key and window: the user's accumulator, the exact inputs as offset
 * ranges (not the records), the batch key (typed for the function, as text for the Kafka key), the earliest
 * and newest input time and the number of inputs. Mutable; Flink stores it with {@link AccumulationSerializer}.
 */
public final class Accumulation {
  /** The user's accumulator. */
  Object user;
  /** The typed batch key the result function gets (null when not keyed); set by the first input. */
  Object typedKey;
  /** The batch key as text ({@code ""}: none), the output's Kafka key. */
  String key = "";
  long earliest = Long.MAX_VALUE;
  long newest = Long.MIN_VALUE;
  long count;
  final OffsetRuns inputs;

  Accumulation(Object user) {
    this(user, new OffsetRuns());
  }

  Accumulation(Object user, OffsetRuns inputs) {
    this.user = user;
    this.inputs = inputs;
  }

  /** The user's accumulator. */
  public Object user() {
    return user;
  }

  /** The exact inputs added so far. */
  public OffsetRuns inputs() {
    return inputs;
  }

  public long count() {
    return count;
  }

  @Override
  public String toString() {
    return "Accumulation(" + user + ", key=" + key + ", n=" + count + ", inputs=" + inputs + ")";
  }
}
