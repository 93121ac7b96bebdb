package io.baton.cli.faults;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.WireDecoder;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Reads the final topic and the dead-letter topics with {@code read_committed} and counts, against what the
 * {@link Feeder} had acknowledged, in plain Java: how many readings came out, were dead-lettered, came twice, or are
 * missing.
 *
 * <pre>{@code
 * Counts counts = new Checker(bootstrap, registryUrl).awaitComplete(feeder, Duration.ofMinutes(3));
 * }</pre>
 */
public final class Checker {
  private final String bootstrap;
  private final String registryUrl;

  public Checker(String bootstrap, String registryUrl) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
  }

  static String deadLetters(String stage) {
    return FaultPipeline.NAME + "." + stage + ".dead-letter";
  }

  /** The counts now. */
  public Counts count(Feeder feeder) throws Exception {
    Feeder.Plan plan = feeder.plan();
    int[] outSeen = new int[plan.records() + 1];
    int[] deadSeen = new int[plan.records() + 1];
    long out = 0;
    long dead = 0;
    try (TopicReader reader = new TopicReader(bootstrap);
        WireDecoder<Summary> summaries = WireDecoder.forSpecific(Summary.class, RegistryConfig.of(registryUrl));
        WireDecoder<Reading> readings = WireDecoder.forSpecific(Reading.class, RegistryConfig.of(registryUrl))) {
      summaries.open();
      readings.open();
      for (KafkaRecord r : reader.readCommitted(FaultPipeline.OUTPUT)) {
        for (long id : FaultPipeline.ids(summaries.decode(r.value()))) {
          outSeen[(int) id]++;
          out++;
        }
      }
      for (String stage : new String[] {FaultPipeline.ACCEPT, FaultPipeline.BATCHES}) {
        for (KafkaRecord r : reader.readCommitted(deadLetters(stage))) {
          deadSeen[(int) readings.decode(r.value()).getTimestamp()]++;
          dead++;
        }
      }
    }
    long in = 0;
    long dup = 0;
    long missing = 0;
    long misplaced = 0;
    for (int id = 1; id <= plan.records(); id++) {
      int seen = outSeen[id] + deadSeen[id];
      dup += Math.max(0, seen - 1);
      if (feeder.isAcked(id)) {
        in++;
        missing += seen == 0 ? 1 : 0;
      }
      misplaced += plan.isBad(id) ? outSeen[id] : deadSeen[id];
    }
    return new Counts(in, out, dead, dup, missing, misplaced);
  }

  /**
   * Waits until the feeder is done and every fed reading is accounted for, or {@code timeout} passes; returns the
   * last counts either way (the test asserts them).
   */
  public Counts awaitComplete(Feeder feeder, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    feeder.awaitDone(timeout);
    Counts last = count(feeder);
    while (last.missing() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2_000);
      last = count(feeder);
    }
    return last;
  }

  /** Waits until the output names at least {@code n} readings. */
  public void awaitOut(Feeder feeder, long n, Duration timeout) throws TimeoutException, InterruptedException {
    Waits.until("at least " + n + " readings in " + FaultPipeline.OUTPUT, timeout, () -> count(feeder).out() >= n);
  }
}
