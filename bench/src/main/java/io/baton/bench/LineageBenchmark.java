package io.baton.bench;

import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.LineageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Per-record cost of a pass-through output's lineage: the four text headers Baton wrote before (pipeline,
 * stage, version, {@code topic:partition:offset} from a built {@code InputOffsets}) against the one binary
 * {@code baton.lineage} header ({@link LineageEncoder}'s one-input path, as {@code OutputWriter} takes it). Topic and names are the
 * side-by-side harness's. {@link #main} prints the bytes per record of both.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar LineageBenchmark -f 1 -wi 3 -i 5
 * java -cp bench/target/benchmarks.jar io.baton.bench.LineageBenchmark      # bytes per record
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class LineageBenchmark {
  static final String TOPIC = "bench.bids";
  static final String PIPELINE = "bench-pass-through";
  static final String STAGE = "bids";
  static final int RECORDS = 1024;
  /** Offsets as in the middle of a 2.76M-record input. */
  static final long FIRST = 1_500_000;

  private LineageEncoder encoder;

  @Setup
  public void setUp() {
    encoder = LineageEncoder.of("1", List.of(TOPIC));
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void textHeaders(Blackhole out) {
    for (int i = 0; i < RECORDS; i++) {
      out.consume(text(FIRST + i));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void binaryHeader(Blackhole out) {
    for (int i = 0; i < RECORDS; i++) {
      out.consume(List.of(encoder.header(TOPIC, 0, FIRST + i)));
    }
  }

  /** The headers as the text form wrote them: a builder per record, four UTF-8 values. */
  static List<Header> text(long offset) {
    InputOffsets inputs = InputOffsets.builder().add(TOPIC, 0, offset).build();
    return List.of(Header.ofString("baton.pipeline", PIPELINE), Header.ofString("baton.stage", STAGE),
        Header.ofString("baton.stage.version", "1"), Header.ofString("baton.inputs", inputs.encode()));
  }

  /** Key and value bytes of headers, as a Kafka record holds them (without its per-header length varints). */
  static int bytes(List<Header> headers) {
    return headers.stream().mapToInt(h -> h.key().getBytes(StandardCharsets.UTF_8).length + h.value().length).sum();
  }

  public static void main(String[] args) {
    LineageEncoder encoder = LineageEncoder.of("1", List.of(TOPIC));
    for (long offset : new long[] {FIRST, 2_759_999L, 100_000_000_000L}) {
      System.out.printf("offset %,d: text %d bytes, binary %d bytes (keys and values)%n", offset,
          bytes(text(offset)), bytes(List.of(encoder.header(InputOffsets.of(TOPIC, 0, offset))))); 
    }
  }
}
