package io.baton.bench;

import io.baton.connectors.KafkaRecord;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.OffsetRuns;
import io.baton.flink.internal.runtime.OutputWriter;
import io.baton.flink.internal.runtime.StageInfo;
import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.nexmark.HotItem;
import io.baton.schemas.wire.ClassRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code Stage.lineage(false)} saves per input record, lineage on and off side by side, on the stage runtime's
 * own output path ({@link OutputWriter}: Avro encode of the output plus its {@code baton.lineage} header):
 * <ul>
 *   <li>{@code passThrough}: a {@code Batch.each()} stage, one output per input, as {@code EachStep} writes it;</li>
 *   <li>{@code countPerBatch}: a keyed {@code count(100)} with {@code Fn.perBatch}, one {@code HotItem} per 100 inputs
 *       written from the batch's records as {@code BatchStep} does (the key's inputs every 10th offset);</li>
 *   <li>{@code countAggregate}: the same with {@code Fn.aggregate}: each input's offset added to the accumulation's
 *       {@link OffsetRuns} as {@code AggregateStep} does (with lineage off too), the output written from them.</li>
 * </ul>
 * Decoding and the user function are the same either way and left out. Bids are the side-by-side harness's size.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar LineageSwitchBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class LineageSwitchBenchmark {
  static final String TOPIC = "bench.bids";
  static final int RECORDS = 1000;
  static final int BATCH = 100;
  /** A key's share of the input in the keyed batches: every 10th offset. */
  static final int STRIDE = 10;
  /** Offsets as in the middle of a 2.76M-record input. */
  static final long FIRST = 1_500_000;
  static final long TIME = 1_767_225_600_000L;

  @Param({"on", "off"})
  public String lineage;

  private OutputWriter passWriter;
  private OutputWriter countWriter;
  private final Bid[] bids = new Bid[RECORDS];
  private final byte[][] keys = new byte[RECORDS][];
  private final List<List<Envelope>> singles = new ArrayList<>();
  private final List<List<Envelope>> batches = new ArrayList<>();
  private final HotItem[] items = new HotItem[RECORDS / BATCH];

  @Setup
  public void setUp() {
    boolean on = switch (lineage) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("lineage is on or off, got " + lineage);
    };
    passWriter = writer("bids", Bid.class, on);
    countWriter = writer("count", HotItem.class, on);
    for (int i = 0; i < RECORDS; i++) {
      bids[i] = Bid.newBuilder().setAuction(1_000 + i % 97).setBidder(2_000 + i).setPrice(100 + i).setChannel("channel-3")
          .setUrl("https://www.nexmark.com/item/" + i).setDateTime(TIME + i).setExtra("x".repeat(24)).build();
      keys[i] = Long.toString(bids[i].getAuction()).getBytes(StandardCharsets.UTF_8);
      singles.add(List.of(envelope(FIRST + i, keys[i])));
    }
    for (int b = 0; b < RECORDS / BATCH; b++) {
      List<Envelope> batch = new ArrayList<>();
      for (int j = 0; j < BATCH; j++) {
        batch.add(envelope(FIRST + (long) (b * BATCH + j) * STRIDE, keys[b]));
      }
      batches.add(batch);
      items[b] = HotItem.newBuilder().setWindowStart(TIME).setWindowEnd(TIME + 1_000).setAuction(1_000 + b).setBidCount(BATCH).build();
    }
  }

  private static OutputWriter writer(String stage, Class<?> output, boolean lineage) {
    OutputWriter writer = new OutputWriter(new StageInfo("bench", stage, "1", List.of(TOPIC), "bench." + stage,
        ClassRef.of(output), "bench." + stage + ".dead-letter", lineage), null);
    writer.open(1);
    return writer;
  }

  private static Envelope envelope(long offset, byte[] key) {
    return new Envelope(0, "", TIME, new KafkaRecord(TOPIC, 0, offset, TIME, key, null, List.of()));
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void passThrough(Blackhole out) {
    for (int i = 0; i < RECORDS; i++) {
      out.consume(passWriter.write(bids[i], keys[i], TIME, singles.get(i)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void countPerBatch(Blackhole out) {
    for (int b = 0; b < batches.size(); b++) {
      out.consume(countWriter.write(items[b], keys[b], TIME, batches.get(b)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void countAggregate(Blackhole out) {
    for (int b = 0; b < batches.size(); b++) {
      OffsetRuns runs = new OffsetRuns();
      for (Envelope e : batches.get(b)) {
        runs.add(e.record.topic(), e.record.partition(), e.record.offset());
      }
      out.consume(countWriter.write(items[b], keys[b], TIME, runs.inputs()));
    }
  }
}
