package io.baton.flink.internal.runtime;

import io.baton.api.fn.BatchWindow;
import io.baton.connectors.OutRecord;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.InputReaders;
import io.baton.flink.internal.runtime.Keys;
import io.baton.flink.internal.runtime.OutputWriter;
import io.baton.flink.internal.runtime.StageMetrics;
import io.baton.flink.internal.runtime.UserFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/**
 * Hands one released batch to the stage function: {@code (key, List<In>)} or
 * {@code (key, window, List<In>)}, or for a co-group
 * {@code (key, left, right)}. Outputs carry every input of the batch as provenance and the
 * window's end (time windows) or the newest input's time (count, bytes) as their timestamp. The
 * function sees a batch's records in arrival order (by input, partition and offset) in both modes.
 * The Kafka key is the records' batch key (the Flink key may hold the window too, see {@link WindowKeys}).
 */
public final class BatchStep<W extends Window> extends ProcessWindowFunction<Envelope, OutRecord, String, W> {
  private static final long serialVersionUID = 1L;

  private static final Comparator<Envelope> ARRIVAL = Comparator.<Envelope>comparingInt(e -> e.side)
      .thenComparingInt(e -> e.record.partition()).thenComparingLong(e -> e.record.offset());

  private final InputReaders readers;
  private final Keys keys;
  private final UserFunction function;
  private final OutputWriter writer;
  private final boolean coGroup;
  private transient Counter emitted;
  private transient Counter batches;
  private transient long lastBatchSize;

  public BatchStep(InputReaders readers, Keys keys, UserFunction function, OutputWriter writer, boolean coGroup) {
    this.readers = readers;
    this.keys = keys;
    this.function = function;
    this.writer = writer;
    this.coGroup = coGroup;
  }

  @Override
  public void open(OpenContext openContext) {
    readers.open();
    writer.open();
    StageMetrics metrics = new StageMetrics(getRuntimeContext().getMetricGroup());
    emitted = metrics.counter("emitted");
    batches = metrics.counter("batches");
    getRuntimeContext().getMetricGroup().addGroup("baton").gauge("lastBatchSize", () -> lastBatchSize);
  }

  @Override
  public void close() {
    readers.close();
  }

  @Override
  public void process(String flinkKey, Context ctx, Iterable<Envelope> elements, Collector<OutRecord> out) throws Exception {
    List<Envelope> inputs = new ArrayList<>();
    List<List<Object>> bySide = List.of(new ArrayList<>(), new ArrayList<>());
    Object typedKey = null;
    long newest = Long.MIN_VALUE;
    long earliest = Long.MAX_VALUE;
    for (Envelope e : inArrivalOrder(elements)) {
      Object record = readers.decode(e);
      if (typedKey == null) {
        typedKey = keys.key(e.side, record);
      }
      inputs.add(e);
      bySide.get(coGroup ? e.side : 0).add(record);
      newest = Math.max(newest, e.timestamp);
      earliest = Math.min(earliest, e.timestamp);
    }
    W window = ctx.window();
    long timestamp = window instanceof GlobalWindow ? newest : window.maxTimestamp();
    BatchWindow span = window instanceof TimeWindow w ? new BatchWindow(w.getStart(), w.getEnd())
        : new BatchWindow(earliest, newest + 1);
    batches.inc();
    lastBatchSize = inputs.size();
    java.util.function.Consumer<Object> emit = record -> {
      writer.write(record, inputs.get(0).key, timestamp, inputs, out);
      emitted.inc();
    };
    if (coGroup) {
      function.onCoGroup(typedKey, bySide.get(0), bySide.get(1), emit);
    } else {
      function.onBatch(typedKey, span, bySide.get(0), emit);
    }
  }

  /**
   * A batch's records in the order they arrived: by input, partition and offset. Streaming keeps
   * that order by itself; Flink BATCH mode hands a time window's records over sorted by time.
   */
  private static List<Envelope> inArrivalOrder(Iterable<Envelope> elements) {
    List<Envelope> sorted = new ArrayList<>();
    elements.forEach(sorted::add);
    sorted.sort(ARRIVAL);
    return sorted;
  }
}
