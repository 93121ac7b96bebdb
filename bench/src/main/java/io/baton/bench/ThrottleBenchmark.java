package io.baton.bench;

import io.baton.api.accept.Excess;
import io.baton.api.accept.RateLimit;
import io.baton.api.fn.KeyFunction;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.KafkaRecord;
import io.baton.flink.internal.accept.ThrottleStep;
import io.baton.flink.internal.runtime.DeadLetterOutput;
import io.baton.flink.internal.runtime.Envelope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-record cost of the rate-limit operator on its non-throttled path: {@value #KEYS} keys in turn, a limit no key
 * reaches, so every record passes at once (with {@code BACK_PRESSURE} after looking for the key's waiting queue). The operator runs in Flink's keyed operator test harness (heap state
 * backend, test processing time), which adds its own per-record cost (key selection, output queue) to both excess
 * policies alike.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar ThrottleBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ThrottleBenchmark {
  /** Records per invocation, one per key. */
  static final int KEYS = 1024;

  @Param({"DEAD_LETTER", "BACK_PRESSURE"})
  public Excess excess;

  private KeyedOneInputStreamOperatorTestHarness<String, Envelope, Envelope> harness;
  private Envelope[] envelopes;

  @Setup(Level.Trial)
  public void openOperator() throws Exception {
    KeyFunction<Object, String> key = Object::toString;
    RateLimit<Object> limit = new RateLimit<>("key", key, 1_000_000_000L, Duration.ofSeconds(1), excess);
    DeadLetterOutput rejects = DeadLetterOutput.of(DeadLetter.forStage("bench", "throttle", "bench.throttle.dead-letter"));
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new ThrottleStep(limit, false, rejects), e -> e.rateKey, Types.STRING);
    harness.open();
    envelopes = new Envelope[KEYS];
    for (int i = 0; i < KEYS; i++) {
      KafkaRecord record = new KafkaRecord("bench.in", 0, i, 1_000L + i, null, new byte[88], List.of());
      envelopes[i] = new Envelope(0, "", record.timestamp(), record);
      envelopes[i].rateKey = "key-" + i;
    }
  }

  @TearDown(Level.Trial)
  public void closeOperator() throws Exception {
    harness.close();
  }

  /** Every record passes: read and update the key's count, emit. */
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int notThrottled() throws Exception {
    for (Envelope e : envelopes) {
      harness.processElement(new StreamRecord<>(e, e.timestamp));
    }
    int out = harness.getOutput().size();
    harness.getOutput().clear();
    return out;
  }
}
