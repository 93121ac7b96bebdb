package io.baton.flink.internal.translate;

import io.baton.flink.internal.runtime.ArrivalOrder;
import io.baton.api.batch.Batch;
import io.baton.api.batch.Bytes;
import io.baton.api.batch.Cases;
import io.baton.api.batch.Count;
import io.baton.api.batch.CountOrTime;
import io.baton.api.batch.Each;
import io.baton.api.batch.Every;
import io.baton.api.batch.Session;
import io.baton.api.batch.Sliding;
import io.baton.api.batch.TimeMode;
import io.baton.connectors.OutRecord;
import io.baton.flink.internal.runtime.AccumulationSerializer;
import io.baton.flink.internal.runtime.AggregateRelease;
import io.baton.flink.internal.runtime.AggregateStep;
import io.baton.flink.internal.runtime.BatchStep;
import io.baton.flink.internal.runtime.DeadLetterOutput;
import io.baton.flink.internal.runtime.EachStep;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.InputReaders;
import io.baton.flink.internal.runtime.Keys;
import io.baton.flink.internal.runtime.LateStep;
import io.baton.flink.internal.runtime.OutputWriter;
import io.baton.flink.internal.runtime.PreAssignedWindows;
import io.baton.flink.internal.runtime.UserFunction;
import io.baton.flink.internal.runtime.WindowKeys;
import io.baton.flink.internal.trigger.FillOrWaitTrigger;
import io.baton.flink.internal.trigger.SlidingTrigger;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.OutputTag;

/**
 * The one translation of batch policies into Flink: each policy becomes a window assigner and
 * trigger over the accepted records keyed by their batch key (unkeyed: one key, one task), and
 * {@link BatchStep} hands each released batch to the stage function.
 *
 * <table>
 *   <tr><td>each()</td><td>no window: {@link EachStep}</td></tr>
 *   <tr><td>count(n)</td><td>{@link ArrivalOrder}, GlobalWindows + {@link FillOrWaitTrigger#whenFull}</td></tr>
 *   <tr><td>every(d)</td><td>tumbling event- or processing-time windows</td></tr>
 *   <tr><td>sliding(s, d)</td><td>sliding windows; in event time with {@link SlidingTrigger}, which counts
 *       records too late for some of their windows ({@code partlyLate})</td></tr>
 *   <tr><td>session(gap)</td><td>session windows</td></tr>
 *   <tr><td>countOrTime(n, d)</td><td>{@link ArrivalOrder}, GlobalWindows + {@link FillOrWaitTrigger} counting</td></tr>
 *   <tr><td>bytes(b, d)</td><td>{@link ArrivalOrder}, GlobalWindows + {@link FillOrWaitTrigger} weighing record bytes</td></tr>
 * </table>
 * A bounded run (BATCH mode) keys event-time every and sliding windows by batch key and window
 * ({@link WindowKeys}), so it holds one window at a time. A stage function made with {@code Fn.aggregate}
 * runs as an {@link AggregateStep} (one accumulator per key and window) and {@link AggregateRelease};
 * any other batch function gets the batch's records from {@link BatchStep}.
 * Count-like batches form in the order records arrived on each partition, in both execution modes;
 * the end of a bounded input releases what is left as a last batch (streaming holds it).
 * Event-time windows allow the policy's grace; later records become {@code late} dead letters.
 */
public final class BatchTranslator implements Cases<Translated> {
  private static final TypeInformation<OutRecord> OUT = OutRecord.Types.TYPE_INFO;

  private final DataStream<Envelope> accepted;
  private final InputReaders readers;
  private final Keys keys;
  private final UserFunction function;
  private final OutputWriter writer;
  private final DeadLetterOutput rejects;
  private final boolean coGroup;
  private final String label;

  public BatchTranslator(DataStream<Envelope> accepted, InputReaders readers, Keys keys, UserFunction function,
      OutputWriter writer, DeadLetterOutput rejects, boolean coGroup, String label) {
    this.accepted = accepted;
    this.readers = readers;
    this.keys = keys;
    this.function = function;
    this.writer = writer;
    this.rejects = rejects;
    this.coGroup = coGroup;
    this.label = label;
  }

  @Override
  public Translated each(Each batch) {
    return new Translated(accepted.process(new EachStep(readers, function, writer), OUT)
        .name(label).uid("batch"), Optional.empty());
  }

  @Override
  public Translated count(Count batch) {
    return apply(batch, inArrivalOrder().window(GlobalWindows.create())
        .trigger(FillOrWaitTrigger.whenFull(batch.n(), e -> 1L)));
  }

  @Override
  public Translated every(Every batch) {
    if (batch.timeMode() == TimeMode.EVENT && bounded()) {
      return apply(batch, byWindow(batch.size(), batch.size()));
    }
    return apply(batch, keyed().window(batch.timeMode() == TimeMode.EVENT
        ? TumblingEventTimeWindows.of(batch.size()) : TumblingProcessingTimeWindows.of(batch.size())));
  }

  @Override
  public Translated sliding(Sliding batch) {
    if (batch.timeMode() == TimeMode.EVENT && bounded()) {
      return apply(batch, byWindow(batch.size(), batch.slide()));
    }
    if (batch.timeMode() == TimeMode.EVENT) {
      return apply(batch, keyed().window(SlidingEventTimeWindows.of(batch.size(), batch.slide()))
          .trigger(SlidingTrigger.of(batch.size(), batch.slide(), batch.grace())));
    }
    return apply(batch, keyed().window(SlidingProcessingTimeWindows.of(batch.size(), batch.slide())));
  }

  @Override
  public Translated session(Session batch) {
    return apply(batch, keyed().window(batch.timeMode() == TimeMode.EVENT
        ? EventTimeSessionWindows.withGap(batch.gap()) : ProcessingTimeSessionWindows.withGap(batch.gap())));
  }

  @Override
  public Translated countOrTime(CountOrTime batch) {
    return apply(batch, inArrivalOrder().window(GlobalWindows.create())
        .trigger(FillOrWaitTrigger.of(batch.n(), batch.maxWait(), e -> 1L)));
  }

  @Override
  public Translated bytes(Bytes batch) {
    return apply(batch, inArrivalOrder().window(GlobalWindows.create())
        .trigger(FillOrWaitTrigger.<Envelope, Window>of(batch.maxBytes(), batch.maxWait(), e -> e.record.sizeInBytes())));
  }

  private KeyedStream<Envelope, String> keyed() {
    return accepted.keyBy(e -> e.key, Types.STRING);
  }

  /**
   * A bounded run's event-time windows, keyed by batch key and window ({@link WindowKeys}): Flink BATCH mode
   * then holds one window of one key at a time, where keyed by the batch key alone it would hold all of a
   * key's input until the key ends (for an unkeyed stage, the whole input).
   */
  private WindowedStream<Envelope, String, TimeWindow> byWindow(Duration size, Duration slide) {
    TypeSerializer<Envelope> copier = accepted.getType().createSerializer(
        accepted.getExecutionEnvironment().getConfig().getSerializerConfig());
    return accepted.transform("windows", accepted.getType(), new WindowKeys(size.toMillis(), slide.toMillis(), copier))
        .uid("windows")
        .keyBy(WindowKeys::flinkKey, Types.STRING)
        .window(PreAssignedWindows.of(size.toMillis()));
  }

  /** Bounded runs execute in Flink BATCH mode. */
  private boolean bounded() {
    return accepted.getExecutionEnvironment().getConfiguration().get(ExecutionOptions.RUNTIME_MODE)
        == RuntimeExecutionMode.BATCH;
  }

  /**
   * Keyed, with each record's offset as its Flink timestamp: Flink BATCH mode sorts a keyed input
   * by key and timestamp, so count-like batches form in arrival order there as they do streaming.
   */
  private KeyedStream<Envelope, String> inArrivalOrder() {
    return accepted.transform("arrival order", accepted.getType(), new ArrivalOrder()).uid("arrival-order")
        .keyBy(e -> e.key, Types.STRING);
  }

  private <W extends Window> Translated apply(Batch batch, WindowedStream<Envelope, String, W> windowed) {
    OutputTag<Envelope> lateTag = new OutputTag<>("late", accepted.getType());
    boolean eventTime = batch.timeMode() == TimeMode.EVENT;
    if (eventTime) {
      windowed = windowed.allowedLateness(batch.grace()).sideOutputLateData(lateTag);
    }
    SingleOutputStreamOperator<OutRecord> outputs = function.aggregation().isPresent()
        ? windowed.aggregate(new AggregateStep(readers, keys, function.aggregation().get()),
            new AggregateRelease<String, W>(function.aggregation().get(), writer), AccumulationSerializer.TYPE,
            AccumulationSerializer.TYPE, OUT).name(label).uid("batch")
        : windowed.process(new BatchStep<W>(readers, keys, function, writer, coGroup), OUT).name(label).uid("batch");
    Optional<DataStream<OutRecord>> late = eventTime
        ? Optional.of(outputs.getSideOutput(lateTag).process(new LateStep(rejects, batch.grace()), OUT)
            .name("late → dead letters").uid("late"))
        : Optional.empty();
    return new Translated(outputs, late);
  }
}
