package io.baton.api.batch;

import java.util.Set;

/**
 * What a policy says of itself, written once for all seven: the factory call that built it
 * ({@code countOrTime(1000, PT1M)}), how it prints with its options, and whether it is a window of time.
 */
final class Policies implements Cases<String> {
  static final Policies INSTANCE = new Policies();

  /** The windows of time: event time by default, processing time and grace on request. */
  static final Set<Class<? extends Batch>> TIME_WINDOWS = Set.of(Every.class, Sliding.class, Session.class);

  private Policies() {}

  /** {@code Batch.countOrTime(1000, PT1M) keyedBy sensorId}, {@code Batch.every(PT10S) withNoGrace}. */
  static String render(Batch batch) {
    StringBuilder s = new StringBuilder("Batch.").append(batch.expression());
    batch.keyName().ifPresent(k -> s.append(" keyedBy ").append(k));
    if (batch.timeMode() == TimeMode.PROCESSING && batch.timeWindow()) {
      s.append(" inProcessingTime");
    }
    if (batch.timeMode() == TimeMode.EVENT && !batch.timeWindow()) {
      s.append(" inEventTime");
    }
    if (batch.options().grace() != null) {
      s.append(batch.grace().isZero() ? " withNoGrace" : " withGrace(" + batch.grace() + ")");
    }
    return s.toString();
  }

  @Override public String each(Each b) { return "each()"; }
  @Override public String count(Count b) { return "count(" + b.n() + ")"; }
  @Override public String every(Every b) { return "every(" + b.size() + ")"; }
  @Override public String sliding(Sliding b) { return "sliding(" + b.size() + ", " + b.slide() + ")"; }
  @Override public String session(Session b) { return "session(" + b.gap() + ")"; }
  @Override public String countOrTime(CountOrTime b) { return "countOrTime(" + b.n() + ", " + b.maxWait() + ")"; }
  @Override public String bytes(Bytes b) { return "bytes(" + b.maxBytes() + ", " + b.maxWait() + ")"; }
}
