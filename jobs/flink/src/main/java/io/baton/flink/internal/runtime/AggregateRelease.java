package io.baton.flink.internal.runtime;

import io.baton.api.fn.Aggregation;
import io.baton.api.fn.BatchWindow;
import io.baton.connectors.OutRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/**
 * Turns a released batch's {@link Accumulation} into the output, as {@link BatchStep} would for the same
 * batch: the result for the typed key and the window, the window's end (time windows) or the newest input's
 * time (count, bytes) as its timestamp, the batch key as its Kafka key, the exact inputs as provenance.
 */
public final class AggregateRelease<K, W extends Window> extends ProcessWindowFunction<Accumulation, OutRecord, K, W> {
  private static final long serialVersionUID = 1L;

  private final Aggregation<Object, Object, Object, Object> aggregation;
  private final OutputWriter writer;
  private transient Counter emitted;
  private transient Counter batches;
  private transient long lastBatchSize;

  public AggregateRelease(Aggregation<Object, Object, Object, Object> aggregation, OutputWriter writer) {
    this.aggregation = aggregation;
    this.writer = writer;
  }

  @Override
  public void open(OpenContext openContext) {
    writer.open();
    StageMetrics metrics = new StageMetrics(getRuntimeContext().getMetricGroup());
    emitted = metrics.counter("emitted");
    batches = metrics.counter("batches");
    getRuntimeContext().getMetricGroup().addGroup("baton").gauge("lastBatchSize", () -> lastBatchSize);
  }

  @Override
  public void process(K flinkKey, Context ctx, Iterable<Accumulation> elements, Collector<OutRecord> out)
      throws Exception {
    Accumulation acc = elements.iterator().next();
    if (acc.count == 0) {
      return;
    }
    W window = ctx.window();
    long timestamp = window instanceof GlobalWindow ? acc.newest : window.maxTimestamp();
    BatchWindow span = window instanceof TimeWindow w ? new BatchWindow(w.getStart(), w.getEnd())
        : new BatchWindow(acc.earliest, acc.newest + 1);
    batches.inc();
    lastBatchSize = acc.count;
    Object result = aggregation.result(acc.typedKey, span, acc.user);
    if (result != null) {
      byte[] key = acc.key.isEmpty() ? null : acc.key.getBytes(StandardCharsets.UTF_8);
      writer.write(result, key, timestamp, acc.inputs.inputs(), out);
      emitted.inc();
    }
  }
}
