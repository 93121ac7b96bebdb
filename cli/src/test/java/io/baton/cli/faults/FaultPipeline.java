package io.baton.cli.faults;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fault tests' pipeline, two exactly-once stages: {@code accept} checks each reading's schema and a range rule
 * (out of range: dead letter), {@code batches} is stateful, a keyed {@code countOrTime} batch, and writes one
 * {@link Summary} per batch whose {@code sensorId} is {@code <key>|<id>,<id>,...}: the ids (the readings' timestamps)
 * of every reading in it, so the final topic can be checked record by record.
 *
 * <pre>{@code
 * ./baton run faults --jar faults.jar      // faults.in → faults.accept → faults.batches
 * }</pre>
 */
public final class FaultPipeline implements PipelineDefinition {
  public static final String NAME = "faults";
  public static final String INPUT = "faults.in";
  public static final String ACCEPT = "accept";
  public static final String BATCHES = "batches";
  public static final String OUTPUT = NAME + "." + BATCHES;
  public static final int INPUT_PARTITIONS = 2;
  public static final int BATCH_SIZE = 100;
  /** Readings at or above this are out of range: dead-lettered by the accept stage. */
  public static final double TOO_HOT = 100;

  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named(NAME);
    Stage<Reading> accepted = p.source(ACCEPT, Topic.of(INPUT, Reading.class).partitions(INPUT_PARTITIONS)
        .accept(Accept.<Reading>schema().rule("celsius in range", r -> r.getCelsius() < TOO_HOT)));
    p.stage(BATCHES, accepted, Batch.countOrTime(BATCH_SIZE, Duration.ofSeconds(1)).keyedBy(Reading::getSensorId),
        FaultPipeline::summary);
    return p;
  }

  /** One summary per batch, naming every reading's id. */
  static Summary summary(CharSequence key, List<Reading> batch) {
    String ids = batch.stream().map(r -> Long.toString(r.getTimestamp())).collect(Collectors.joining(","));
    double min = batch.stream().mapToDouble(Reading::getCelsius).min().orElse(0);
    double max = batch.stream().mapToDouble(Reading::getCelsius).max().orElse(0);
    double mean = batch.stream().mapToDouble(Reading::getCelsius).average().orElse(0);
    return new Summary(key + "|" + ids, batch.get(0).getTimestamp(), batch.get(batch.size() - 1).getTimestamp(),
        batch.size(), min, max, mean);
  }

  /** The reading ids a summary written by {@link #summary} names. */
  public static long[] ids(Summary s) {
    String text = s.getSensorId().toString();
    String list = text.substring(text.indexOf('|') + 1);
    return list.isEmpty() ? new long[0] : java.util.Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
