package io.baton.cli.faults;

import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Feeds {@link FaultPipeline#INPUT} in the background at a steady rate: readings with ids 1..n (the id is the
 * reading's timestamp), spread over {@code keys} sensors, every {@code badEvery}-th out of range (a dead letter by
 * design), in Confluent wire format with the schema id from the registry. An idempotent producer with {@code acks=all}
 * waits and retries through broker trouble (up to 5 minutes); only what the broker acknowledged counts as fed.
 *
 * <pre>{@code
 * try (Feeder feeder = Feeder.start(bootstrap, registryUrl, Feeder.Plan.of(200_000, 2_000))) {
 *   feeder.awaitAcked(50_000, Duration.ofMinutes(2));
 *   ...
 *   feeder.awaitDone(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class Feeder implements AutoCloseable {
  private static final int UNSENT = 0;
  private static final int SENT = 1;
  private static final int ACKED = 2;
  private static final int FAILED = 3;

  /**
   * What to feed.
   *
   * @param records how many readings (ids 1..records)
   * @param perSecond the steady rate
   * @param keys how many sensors the readings are spread over
   * @param badEvery every how many readings one is out of range (0: none)
   */
  public record Plan(int records, int perSecond, int keys, int badEvery) {
    public Plan {
      if (records < 1 || perSecond < 1 || keys < 1 || badEvery < 0) {
        throw new IllegalArgumentException("records, perSecond and keys must be positive, badEvery not negative: "
            + this);
      }
    }

    /** {@code records} at {@code perSecond} over 64 sensors, one in 200 out of range. */
    public static Plan of(int records, int perSecond) {
      return new Plan(records, perSecond, 64, 200);
    }

    /** The plan the fault tests use: {@code -Dfaults.records} (200,000) at {@code -Dfaults.rate} (2,000/s). */
    public static Plan fromSystemProperties() {
      return of(Integer.getInteger("faults.records", 200_000), Integer.getInteger("faults.rate", 2_000));
    }

    public boolean isBad(long id) {
      return badEvery > 0 && id % badEvery == 0;
    }

    public String key(long id) {
      return "s" + (id % keys);
    }
  }

  private final Plan plan;
  private final AtomicIntegerArray status;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean stop;
  private volatile long startedNanos;
  private volatile long lastSendNanos;
  private volatile int perSecond;
  private volatile java.util.function.Function<Reading, byte[]> writeWith;

  private Feeder(Plan plan, String bootstrap, String registryUrl) {
    this.plan = plan;
    this.perSecond = plan.perSecond();
    this.status = new AtomicIntegerArray(plan.records() + 1);
    this.thread = new Thread(() -> feed(bootstrap, registryUrl), "faults-feeder");
    this.thread.setDaemon(true);
  }

  /** Registers the reading schema under {@code faults.in-value} and starts feeding. */
  public static Feeder start(String bootstrap, String registryUrl, Plan plan) {
    Feeder f = new Feeder(plan, bootstrap, registryUrl);
    f.thread.start();
    return f;
  }

  private void feed(String bootstrap, String registryUrl) {
    int schemaId;
    try (SchemaRegistry registry = SchemaRegistry.connect(RegistryConfig.of(registryUrl))) {
      schemaId = registry.register(FaultPipeline.INPUT + "-value", Reading.getClassSchema());
    } catch (Exception e) {
      firstFailure.compareAndSet(null, e);
      return;
    }
    WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, schemaId);
    Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
        // send() waits for metadata: as long as delivery may take, so a broker outage blocks the feed, never fails it
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      startedNanos = System.nanoTime();
      long due = startedNanos;
      for (int id = 1; id <= plan.records() && !stop; id++) {
        // Steady pace: each reading is due one interval (at the rate now) after the one before.
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        due += 1_000_000_000L / perSecond;
        String key = plan.key(id);
        Reading r = new Reading(key, plan.isBad(id) ? FaultPipeline.TOO_HOT + 50 : (double) (id % 50), (long) id);
        int sent = id;
        status.set(sent, SENT);
        java.util.function.Function<Reading, byte[]> writer = writeWith;
        byte[] value = writer != null ? writer.apply(r) : encoder.encode(r);
        producer.send(new ProducerRecord<>(FaultPipeline.INPUT, null, (long) id, key.getBytes(StandardCharsets.UTF_8),
            value), (meta, e) -> {
              if (e == null) {
                status.set(sent, ACKED);
                acked.incrementAndGet();
              } else {
                status.set(sent, FAILED);
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
              }
            });
        lastSendNanos = System.nanoTime();
      }
      producer.flush();
    } catch (Exception e) {
      firstFailure.compareAndSet(null, e);
    }
  }

  /** From now on feeds at {@code perSecond} readings a second (a ramp). */
  public void rate(int perSecond) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be positive, got " + perSecond);
    }
    this.perSecond = perSecond;
  }

  /** From now on writes each reading with {@code writer} (another writer schema, say) instead of the plan's encoding. */
  public void writeWith(java.util.function.Function<Reading, byte[]> writer) {
    this.writeWith = writer;
  }

  public Plan plan() {
    return plan;
  }

  public long acked() {
    return acked.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Whether the broker acknowledged reading {@code id}. */
  public boolean isAcked(long id) {
    return status.get((int) id) == ACKED;
  }

  /** Whether sending reading {@code id} failed for good (after the producer's retries). */
  public boolean isFailed(long id) {
    return status.get((int) id) == FAILED;
  }

  /** Readings sent per second, from the first send to the last. */
  public double achievedRate() {
    long sent = acked.get() + failed.get();
    double seconds = (lastSendNanos - startedNanos) / 1e9;
    return seconds <= 0 ? 0 : sent / seconds;
  }

  /** Blocks until the broker acknowledged at least {@code n} readings. */
  public void awaitAcked(long n, Duration timeout) throws TimeoutException, InterruptedException {
    Waits.until("the feeder to have " + n + " readings acknowledged (has " + acked.get() + ")", timeout,
        () -> acked.get() >= n || !thread.isAlive());
    if (acked.get() < n) {
      throw new IllegalStateException("the feeder stopped after " + acked.get() + " readings", firstFailure.get());
    }
  }

  /** Blocks until every reading was sent and answered; fails if any send failed for good. */
  public void awaitDone(Duration timeout) throws TimeoutException, InterruptedException {
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      throw new TimeoutException("the feeder did not finish within " + timeout + " (" + acked.get() + " of "
          + plan.records() + " acknowledged)");
    }
    if (firstFailure.get() != null) {
      throw new IllegalStateException(failed.get() + " readings could not be sent", firstFailure.get());
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(60_000);
  }
}
