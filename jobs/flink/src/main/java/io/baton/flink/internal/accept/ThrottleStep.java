package io.baton.flink.internal.accept;

import io.baton.api.accept.Excess;
import io.baton.api.accept.RateLimit;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.OutRecord;
import io.baton.flink.internal.runtime.DeadLetterOutput;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.StageMetrics;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The per-key rate limit of an accept policy: at most {@code permits} records per key in each interval of
 * {@code per}. Intervals are aligned slices of event time when the stage has event time (so a replay or a bounded run
 * decides exactly as the live run did), else of the wall clock. Excess records go to dead letters as
 * {@code throttled}, or, with {@code Excess.BACK_PRESSURE}, wait for a later interval of wall-clock time.
 *
 * <p>Waiting never blocks the task thread, so checkpoint barriers, timers and other keys go on while a key is held
 * back. A held record is put in keyed state, a queue per key in arrival order (no TTL: nothing waiting expires), and a
 * processing-time timer at the key's next interval releases up to {@code permits} of them, oldest first; while a
 * key's queue is not empty its new records queue behind it, so a key's records leave in the order they came. The
 * queue is part of every checkpoint: a restore neither loses nor repeats a held record. What bounds it: nothing
 * but the state backend. The source is not slowed; a hot key's backlog moves from Kafka into the stage's state
 * (the heap, or RocksDB's disk), visible in the gauge {@code baton.buffered} (records held by this subtask), while
 * other keys pass at once. The watermark is held below the oldest held record's timestamp, so a released record is
 * never late for an event-time batch after this step. When the input ends (a bounded run, a drain) every held
 * record is released at once: the limit paces a live stream, it never loses the end of a finite one.
 *
 * <p>Not chosen: a rate limit in the source reader (Flink's {@code RateLimiterStrategy}) paces a whole source, so one
 * hot key would slow every key; a wait inside {@link #processElement} (a sleep, or yielding to the mailbox) keeps the
 * checkpoint barrier queued behind the waiting record in the input, which is what this step used to do.
 *
 * <p>A key's count is kept (state TTL) for two intervals, at least a minute, after its last change.
 *
 * <pre>{@code
 * keyed.transform("rate limit", Envelope.Types.TYPE_INFO, new ThrottleStep(limit, eventTime, rejects));
 * }</pre>
 */
public final class ThrottleStep extends AbstractStreamOperator<Envelope>
    implements OneInputStreamOperator<Envelope, Envelope>, Triggerable<String, VoidNamespace>, BoundedOneInput {
  private static final long serialVersionUID = 2L;
  static final String QUEUE = "rate-queue";
  static final String QUEUE_ENDS = "rate-queue-ends";

  private final RateLimit<?> limit;
  private final boolean eventTime;
  private final boolean backPressure;
  private final DeadLetterOutput rejects;
  private transient ValueState<Tuple2<Long, Long>> window;
  // Per key: head (next to release) and tail (next free place) of its queue; absent when the queue is empty.
  private transient ValueState<Tuple2<Long, Long>> ends;
  // Per key: place → (Flink timestamp or Backlog.NO_TIMESTAMP, record).
  private transient MapState<Long, Tuple2<Long, Envelope>> queue;
  private transient InternalTimerService<VoidNamespace> timers;
  private transient Backlog backlog;
  private transient boolean restored;
  private transient long inputWatermark;
  private transient long outputWatermark;
  private transient StageMetrics metrics;
  private transient Counter accepted;
  private transient Counter delayed;

  public ThrottleStep(RateLimit<?> limit, boolean eventTime, DeadLetterOutput rejects) {
    this.limit = limit;
    this.backPressure = limit.excess() == Excess.BACK_PRESSURE;
    this.eventTime = eventTime && !backPressure;
    this.rejects = rejects;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    restored = context.isRestored();
  }

  @Override
  public void open() throws Exception {
    super.open();
    ValueStateDescriptor<Tuple2<Long, Long>> descriptor =
        new ValueStateDescriptor<>("rate-window", Types.TUPLE(Types.LONG, Types.LONG));
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(
        Duration.ofMillis(Math.max(2 * limit.per().toMillis(), Duration.ofMinutes(1).toMillis()))).build());
    window = getPartitionedState(descriptor);
    metrics = new StageMetrics(getMetricGroup());
    accepted = metrics.counter("accepted");
    delayed = metrics.counter("delayed");
    inputWatermark = Long.MIN_VALUE;
    outputWatermark = Long.MIN_VALUE;
    backlog = new Backlog();
    if (backPressure) {
      ends = getPartitionedState(new ValueStateDescriptor<>(QUEUE_ENDS, Types.TUPLE(Types.LONG, Types.LONG)));
      queue = getPartitionedState(new MapStateDescriptor<>(QUEUE, Types.LONG,
          Types.TUPLE(Types.LONG, Envelope.Types.TYPE_INFO)));
      timers = getInternalTimerService("rate-timers", VoidNamespaceSerializer.INSTANCE, this);
      metrics.gauge("buffered", (Gauge<Long>) backlog::size);
      if (restored) {
        forEachQueuedKey(() -> forEachQueued((place, held) -> backlog.add(held.f0)));
      }
    }
  }

  @Override
  public void processElement(StreamRecord<Envelope> element) throws Exception {
    Envelope in = element.getValue();
    long now = eventTime ? in.timestamp : getProcessingTimeService().getCurrentProcessingTime();
    long slice = Math.floorDiv(now, limit.per().toMillis());
    if (backPressure) {
      Tuple2<Long, Long> queued = ends.value();
      if (queued != null) { // no overtaking: behind the key's waiting records
        hold(element, queued, slice);
        return;
      }
    }
    Tuple2<Long, Long> current = window.value();
    long used = current != null && current.f0 == slice ? current.f1 : 0L;
    if (used < limit.permits()) {
      window.update(Tuple2.of(slice, used + 1));
      accepted.inc();
      output.collect(element);
    } else if (backPressure) {
      hold(element, null, slice);
    } else {
      metrics.rejected(DeadLetterReason.throttled().code());
      OutRecord letter = rejects.record(in.record, DeadLetterReason.throttled(),
          "key " + in.rateKey + " is over " + limit.permits() + " records per " + limit.per());
      output.collect(DeadLetterOutput.TAG, element.hasTimestamp()
          ? new StreamRecord<>(letter, element.getTimestamp()) : new StreamRecord<>(letter));
    }
  }

  /** Puts the record at the tail of its key's queue; the first one waiting sets the timer of the next interval. */
  private void hold(StreamRecord<Envelope> element, Tuple2<Long, Long> queued, long slice) throws Exception {
    long timestamp = element.hasTimestamp() ? element.getTimestamp() : Backlog.NO_TIMESTAMP;
    long head = queued == null ? 0L : queued.f0;
    long tail = queued == null ? 0L : queued.f1;
    queue.put(tail, Tuple2.of(timestamp, element.getValue()));
    ends.update(Tuple2.of(head, tail + 1));
    if (queued == null) {
      timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, (slice + 1) * limit.per().toMillis());
    }
    backlog.add(timestamp);
    delayed.inc();
  }

  @Override
  public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
    // Flink's BATCH mode fires a key's timers when its input moves to the next key, and takes no new timer then.
    release(timers.currentWatermark() == Long.MAX_VALUE);
    emitWatermark();
  }

  @Override
  public void onEventTime(InternalTimer<String, VoidNamespace> timer) {}

  /** Releases the current key's oldest records, as many as its interval has permits left ({@code all}: every one). */
  private void release(boolean all) throws Exception {
    Tuple2<Long, Long> queued = ends.value();
    if (queued == null) {
      return;
    }
    long per = limit.per().toMillis();
    long slice = Math.floorDiv(getProcessingTimeService().getCurrentProcessingTime(), per);
    Tuple2<Long, Long> current = window.value();
    long used = current != null && current.f0 == slice ? current.f1 : 0L;
    long head = queued.f0;
    while (head < queued.f1 && (all || used < limit.permits())) {
      Tuple2<Long, Envelope> held = queue.get(head);
      queue.remove(head);
      head++;
      used++;
      backlog.remove(held.f0);
      accepted.inc();
      output.collect(held.f0 == Backlog.NO_TIMESTAMP ? new StreamRecord<>(held.f1) : new StreamRecord<>(held.f1, held.f0));
    }
    window.update(Tuple2.of(slice, used));
    if (head == queued.f1) {
      ends.clear();
    } else {
      ends.update(Tuple2.of(head, queued.f1));
      timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, (slice + 1) * per);
    }
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (!backPressure) {
      super.processWatermark(mark);
      return;
    }
    inputWatermark = mark.getTimestamp();
    if (getTimeServiceManager().isPresent()) {
      getTimeServiceManager().get().advanceWatermark(mark);
    }
    if (inputWatermark == Long.MAX_VALUE) { // the input has ended (a drain; BATCH released its keys above)
      releaseAll();
    }
    emitWatermark();
  }

  @Override
  public void endInput() throws Exception {
    if (backPressure) {
      releaseAll();
      emitWatermark();
    }
  }

  private void releaseAll() throws Exception {
    if (backlog.size() > 0) {
      forEachQueuedKey(() -> release(true));
    }
  }

  /** Passes the input's watermark on as far as the held records allow. */
  private void emitWatermark() {
    long held = backlog.heldWatermark(inputWatermark);
    if (held > outputWatermark) {
      outputWatermark = held;
      output.emitWatermark(new Watermark(held));
    }
  }

  private void forEachQueuedKey(KeyAction action) throws Exception {
    List<String> keys;
    try (Stream<String> all = this.<String>getKeyedStateBackend().getKeys(QUEUE_ENDS, VoidNamespace.INSTANCE)) {
      keys = all.toList();
    }
    for (String key : keys) {
      setCurrentKey(key);
      action.run();
    }
  }

  private void forEachQueued(QueuedAction action) throws Exception {
    Tuple2<Long, Long> queued = ends.value();
    for (long place = queued.f0; place < queued.f1; place++) {
      action.accept(place, queue.get(place));
    }
  }

  private interface KeyAction {
    void run() throws Exception;
  }

  private interface QueuedAction {
    void accept(long place, Tuple2<Long, Envelope> held) throws Exception;
  }
}
