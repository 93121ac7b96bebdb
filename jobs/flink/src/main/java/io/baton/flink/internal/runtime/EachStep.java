package io.baton.flink.internal.runtime;

import io.baton.connectors.OutRecord;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.InputReaders;
import io.baton.flink.internal.runtime.OutputWriter;
import io.baton.flink.internal.runtime.StageMetrics;
import io.baton.flink.internal.runtime.UserFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** {@code Batch.each()}: every accepted record goes through the function and on at once. */
public final class EachStep extends ProcessFunction<Envelope, OutRecord> {
  private static final long serialVersionUID = 1L;

  private final InputReaders readers;
  private final UserFunction function;
  private final OutputWriter writer;
  private transient Counter emitted;

  public EachStep(InputReaders readers, UserFunction function, OutputWriter writer) {
    this.readers = readers;
    this.function = function;
    this.writer = writer;
  }

  @Override
  public void open(OpenContext openContext) {
    readers.open();
    writer.open();
    emitted = new StageMetrics(getRuntimeContext().getMetricGroup()).counter("emitted");
  }

  @Override
  public void close() {
    readers.close();
  }

  @Override
  public void processElement(Envelope in, Context ctx, Collector<OutRecord> out) throws Exception {
    List<Envelope> inputs = List.of(in);
    // Unkeyed, an output keeps its input's Kafka key, so partitioning and compaction carry through a stage.
    byte[] key = in.key.isEmpty() ? in.record.key() : in.key.getBytes(StandardCharsets.UTF_8);
    function.onRecord(readers.decode(in), record -> {
      out.collect(writer.write(record, key, in.timestamp, inputs));
      emitted.inc();
    });
  }
}
