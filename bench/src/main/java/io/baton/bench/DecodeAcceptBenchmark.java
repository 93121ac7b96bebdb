package io.baton.bench;

import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.stack.ThrowawayRegistry;
import io.baton.schemas.sensor.Reading;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-record cost of a stage's decode + accept step, Baton's path against Flink's
 * {@code ConfluentRegistryAvroDeserializationSchema}, on the same {@value #RECORDS} Confluent-framed
 * Readings. A real Apicurio registry answers each decoder's one schema-by-id lookup in setup; after
 * that both decoders work from their caches, which is what is measured. One invocation walks all
 * records round-robin, so the score is nanoseconds per record.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar DecodeAcceptBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DecodeAcceptBenchmark {
  /** Records per invocation. */
  static final int RECORDS = 1024;

  private ThrowawayRegistry registry;
  private DecodePaths paths;
  private byte[][] values;

  @Setup(Level.Trial)
  public void startRegistryAndEncode() throws Exception {
    registry = ThrowawayRegistry.start("baton-bench-");
    RegistryConfig config = RegistryConfig.of(registry.url());
    values = ReadingCorpus.register(config, RECORDS).values();
    paths = DecodePaths.open(config);
    for (byte[] value : values) { // the one registry lookup per decoder happens here, not while measured
      paths.batonSpecific(value);
      paths.batonGeneric(value);
      paths.flinkGeneric(value);
    }
  }

  @TearDown(Level.Trial)
  public void stopRegistry() throws InterruptedException {
    if (paths != null) {
      paths.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  /** Baton's stage path: WireDecoder into the generated Reading class, then size limit and rule. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void batonSpecific(Blackhole bh) throws DecodeException {
    for (byte[] value : values) {
      Reading r = paths.batonSpecific.decode(value);
      bh.consume(r); // the record goes on to the stage's key and time functions
      bh.consume(paths.specificAccept.check(r, value.length));
    }
  }

  /** Baton's decoder into GenericRecords (like for like with Flink), then size limit and rule. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void batonGeneric(Blackhole bh) throws DecodeException {
    for (byte[] value : values) {
      GenericRecord r = paths.batonGeneric.decode(value);
      bh.consume(r);
      bh.consume(paths.genericAccept.check(r, value.length));
    }
  }

  /** Flink's ConfluentRegistryAvroDeserializationSchema.forGeneric, then the same size limit and rule. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void flinkGeneric(Blackhole bh) throws IOException {
    for (byte[] value : values) {
      org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord r = paths.flinkGeneric.deserialize(value);
      bh.consume(r);
      bh.consume(paths.flinkAccept.check(r, value.length));
    }
  }

  /** Baton's generic decode alone: what the accept checks add is batonGeneric minus this. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void batonGenericDecodeOnly(Blackhole bh) throws DecodeException {
    for (byte[] value : values) {
      bh.consume(paths.batonGeneric.decode(value));
    }
  }

  /** Flink's decode alone. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void flinkGenericDecodeOnly(Blackhole bh) throws IOException {
    for (byte[] value : values) {
      bh.consume(paths.flinkGeneric.deserialize(value));
    }
  }
}
