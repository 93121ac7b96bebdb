package io.baton.examples.sensor;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;

/**
 * The sensor story of the design: readings are accepted (physical range, size, rate per sensor),
 * summarised per sensor and minute, and hot summaries become alerts.
 *
 * <pre>{@code
 * PipelineGraph graph = new SensorStory().define().build();
 * graph.levels();   // [[readings], [per-minute], [alerts]]
 * }</pre>
 */
public final class SensorStory implements PipelineDefinition {

  public static final String PIPELINE = "sensor-story";
  public static final String READINGS_TOPIC = "sensors.readings";
  public static final String ALERTS_TOPIC = "sensors.alerts";

  /** The acceptance rule's name; a reading breaking it goes to dead letters as {@code rule:<name>}. */
  public static final String RANGE_RULE = "celsius in physical range";
  public static final double MIN_CELSIUS = -90;
  public static final double MAX_CELSIUS = 60;
  public static final long MAX_RECORD_BYTES = 16_384;
  public static final long READINGS_PER_SENSOR_PER_SECOND = 50;

  /** Watermarks trail the newest reading by this much. */
  public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
  /** Summary window. */
  public static final Duration WINDOW = Duration.ofMinutes(1);
  /** Readings later than this behind the watermark go to dead letters as {@code late}. */
  public static final Duration GRACE = Duration.ofSeconds(10);

  @Override
  public Pipeline define() {
    Pipeline p = Pipeline.named(PIPELINE);

    Stage<Reading> readings = p.source("readings",
        Topic.of(READINGS_TOPIC, Reading.class)
            .accept(Accept.<Reading>schema()
                .rule(RANGE_RULE, SensorStory::inPhysicalRange)
                .maxRecordBytes(MAX_RECORD_BYTES)
                .rateLimitPerKey(Reading::getSensorId, READINGS_PER_SENSOR_PER_SECOND, Duration.ofSeconds(1)))
            .eventTime(Reading::getTimestamp, OUT_OF_ORDERNESS));

    Stage<Summary> perMinute = p.stage("per-minute", readings,
        Batch.every(WINDOW).keyedBy(Reading::getSensorId).withGrace(GRACE),
        Summaries.PER_MINUTE);

    Stage<Alert> alerts = p.stage("alerts", perMinute, Batch.each(), Alerts::hot);

    p.output(alerts, Topic.of(ALERTS_TOPIC, Alert.class));
    return p;
  }

  /** The acceptance rule: a thermometer on this planet reads between -90 and 60 °C. */
  public static boolean inPhysicalRange(Reading r) {
    return r.getCelsius() >= MIN_CELSIUS && r.getCelsius() <= MAX_CELSIUS;
  }
}
