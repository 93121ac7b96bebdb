package io.baton.bench;

import io.baton.connectors.LineageEncoder;
import io.baton.connectors.OutRecord;
import io.baton.connectors.internal.OutRecordSerializationSchema;
import io.baton.connectors.internal.OutRecordSerializer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-record cost of a pass-through output after the stage function: its one-input lineage header, the
 * {@link OutRecord}, the Kafka producer record the sink makes of it ({@link OutRecordSerializationSchema}), and, where
 * an exchange sits before the sink, its Flink serialization ({@link OutRecordSerializer}). The path
 * {@code OutputWriter} takes for {@code Batch.each()}; a batch past the header budget takes another.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar PassThroughOutputBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PassThroughOutputBenchmark {
  static final String TOPIC = "bench.bids";
  static final int RECORDS = 1024;
  static final long FIRST = 1_500_000;

  private LineageEncoder encoder;
  private OutRecordSerializationSchema sink;
  private DataOutputSerializer network;
  private byte[] key;
  private byte[] value;

  @Setup
  public void setUp() {
    encoder = LineageEncoder.of("1", List.of(TOPIC));
    sink = new OutRecordSerializationSchema("bench-pass-through.bids");
    network = new DataOutputSerializer(4096);
    key = "sensor-042".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    value = new byte[120];
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void toProducerRecord(Blackhole out) {
    for (int i = 0; i < RECORDS; i++) {
      OutRecord r = new OutRecord(null, key, value, List.of(encoder.header(TOPIC, 0, FIRST + i)), 1_767_225_600_000L + i);
      out.consume(sink.serialize(r, null, null));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void throughAnExchange(Blackhole out) throws IOException {
    for (int i = 0; i < RECORDS; i++) {
      OutRecord r = new OutRecord(null, key, value, List.of(encoder.header(TOPIC, 0, FIRST + i)), 1_767_225_600_000L + i);
      network.clear();
      OutRecordSerializer.INSTANCE.serialize(r, network);
      out.consume(network.length());
    }
  }
}
