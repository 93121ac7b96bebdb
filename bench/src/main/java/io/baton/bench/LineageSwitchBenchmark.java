package io.baton.bench;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
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
import org.apache.flink.util.Collector;
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
 * <p>{@link #main} measures the same on a busy machine: on and off alternate in short rounds timed in the thread's CPU
 * time, so both see the same load, and it prints the medians and the median per-round difference.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar LineageSwitchBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * java -cp bench/target/benchmarks.jar io.baton.bench.LineageSwitchBenchmark 31     # rounds, paired, CPU time
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
  private final Last last = new Last();
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

  /** Paired rounds (default 31): per path, on then off, each timed over ~100 ms of the thread's CPU time. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
    LineageSwitchBenchmark on = opened("on");
    LineageSwitchBenchmark off = opened("off");
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, java.util.function.BiConsumer<LineageSwitchBenchmark, java.util.function.Consumer<Object>>> paths =
        new java.util.LinkedHashMap<>();
    paths.put("passThrough", (b, sink) -> { for (int i = 0; i < RECORDS; i++) sink.accept(b.passWriter.write(b.bids[i], b.keys[i], TIME, b.singles.get(i))); });
    paths.put("countPerBatch", (b, sink) -> { for (int k = 0; k < b.batches.size(); k++) sink.accept(b.perBatch(k)); });
    paths.put("countAggregate", (b, sink) -> { for (int k = 0; k < b.batches.size(); k++) sink.accept(b.aggregate(k)); });
    long[] sunk = new long[1];
    java.util.function.Consumer<Object> sink = o -> sunk[0] += System.identityHashCode(o);
    System.out.printf("%-15s %12s %12s %14s  (ns of thread CPU time per input record, medians of %d paired rounds)%n",
        "path", "lineage on", "lineage off", "on - off", rounds);
    for (var path : paths.entrySet()) {
      double[] onNs = new double[rounds];
      double[] offNs = new double[rounds];
      double[] diff = new double[rounds];
      for (int r = -3; r < rounds; r++) {   // three rounds of warm-up
        double a = time(cpu, on, path.getValue(), sink);
        double b = time(cpu, off, path.getValue(), sink);
        if (r >= 0) {
          onNs[r] = a;
          offNs[r] = b;
          diff[r] = a - b;
        }
      }
      System.out.printf("%-15s %12.1f %12.1f %14.1f%n", path.getKey(), median(onNs), median(offNs), median(diff));
    }
    System.out.println("(sink " + (sunk[0] & 1) + ")");
  }

  private static LineageSwitchBenchmark opened(String lineage) {
    LineageSwitchBenchmark b = new LineageSwitchBenchmark();
    b.lineage = lineage;
    b.setUp();
    return b;
  }

  /** ns of CPU time per input record over invocations of {@code path} filling about 100 ms. */
  private static double time(java.lang.management.ThreadMXBean cpu, LineageSwitchBenchmark b,
      java.util.function.BiConsumer<LineageSwitchBenchmark, java.util.function.Consumer<Object>> path,
      java.util.function.Consumer<Object> sink) {
    long start = cpu.getCurrentThreadCpuTime();
    long invocations = 0;
    long now;
    do {
      path.accept(b, sink);
      invocations++;
      now = cpu.getCurrentThreadCpuTime();
    } while (now - start < 100_000_000L);
    return (double) (now - start) / (invocations * RECORDS);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** One aggregate batch: every input's offset into the accumulation, then the output written from them. */
  private Object aggregate(int batch) {
    OffsetRuns runs = new OffsetRuns();
    for (Envelope e : batches.get(batch)) {
      runs.add(e.record.topic(), e.record.partition(), e.record.offset());
    }
    countWriter.write(items[batch], keys[batch], TIME, runs.inputs(), last);
    return last.record;
  }

  /** One perBatch batch: the writer emits its output (after its lineage records, were they past the budget). */
  private Object perBatch(int batch) {
    countWriter.write(items[batch], keys[batch], TIME, batches.get(batch), last);
    return last.record;
  }

  /** Keeps the last record a writer emitted. */
  private static final class Last implements Collector<OutRecord> {
    private OutRecord record;

    @Override
    public void collect(OutRecord r) {
      record = r;
    }

    @Override
    public void close() {}
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
      out.consume(perBatch(b));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void countAggregate(Blackhole out) {
    for (int b = 0; b < batches.size(); b++) {
      out.consume(aggregate(b));
    }
  }
}
