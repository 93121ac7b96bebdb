package io.baton.flink.internal.accept;

import io.baton.api.accept.Excess;
import io.baton.api.accept.RateLimit;
import io.baton.connectors.DeadLetterReason;
import io.baton.flink.internal.runtime.DeadLetterOutput;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.StageMetrics;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The per-key rate limit of an accept policy: at most {@code permits} records per key in each
 * interval of {@code per}. Intervals are aligned slices of event time when the stage has event
 * time (so a replay or a bounded run decides exactly as the live run did), else of the wall clock.
 * Excess records go to dead letters as {@code throttled}, or, with {@code Excess.BACK_PRESSURE},
 * wait for the key's next interval of wall-clock time, holding the stage (and so its input) back.
 * A key's count is kept (state TTL) for two intervals, at least a minute, after its last change.
 */
public final class ThrottleStep extends KeyedProcessFunction<String, Envelope, Envelope> {
  private static final long serialVersionUID = 1L;

  private final RateLimit<?> limit;
  private final boolean eventTime;
  private final DeadLetterOutput rejects;
  private transient ValueState<Tuple2<Long, Long>> window;
  private transient StageMetrics metrics;
  private transient Counter accepted;
  private transient Counter delayed;

  public ThrottleStep(RateLimit<?> limit, boolean eventTime, DeadLetterOutput rejects) {
    this.limit = limit;
    this.eventTime = eventTime && limit.excess() == Excess.DEAD_LETTER;
    this.rejects = rejects;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Tuple2<Long, Long>> descriptor =
        new ValueStateDescriptor<>("rate-window", Types.TUPLE(Types.LONG, Types.LONG));
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(
        Duration.ofMillis(Math.max(2 * limit.per().toMillis(), Duration.ofMinutes(1).toMillis()))).build());
    window = getRuntimeContext().getState(descriptor);
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup());
    accepted = metrics.counter("accepted");
    delayed = metrics.counter("delayed");
  }

  @Override
  public void processElement(Envelope in, Context ctx, Collector<Envelope> out) throws Exception {
    long per = limit.per().toMillis();
    long now = eventTime ? in.timestamp : ctx.timerService().currentProcessingTime();
    long slice = Math.floorDiv(now, per);
    Tuple2<Long, Long> current = window.value();
    if (current == null || current.f0 != slice) {
      current = Tuple2.of(slice, 0L);
    }
    if (current.f1 < limit.permits()) {
      window.update(Tuple2.of(slice, current.f1 + 1));
      accepted.inc();
      out.collect(in);
      return;
    }
    if (limit.excess() == Excess.BACK_PRESSURE) {
      long next = (slice + 1) * per;
      Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
      delayed.inc();
      window.update(Tuple2.of(slice + 1, 1L));
      accepted.inc();
      out.collect(in);
      return;
    }
    metrics.rejected(DeadLetterReason.throttled().code());
    ctx.output(DeadLetterOutput.TAG, rejects.record(in.record, DeadLetterReason.throttled(),
        "key " + in.rateKey + " is over " + limit.permits() + " records per " + limit.per()));
  }
}
