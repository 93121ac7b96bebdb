package io.baton.examples.demo;

import io.baton.api.internal.ResourceNames;
import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.examples.sensor.GeneratedReading;
import io.baton.examples.sensor.SensorStory;
import io.baton.flink.feed.Demo;
import io.baton.flink.feed.DemoRun;
import io.baton.flink.feed.RawProducer;
import io.baton.flink.plan.Plan;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo {@code baton demo} plays: the sensor story fed generated readings with bad ones among them
 * (out of range, undecodable, of an unknown schema, late), waiting until every output and dead letter
 * they should produce is committed, then telling the story.
 *
 * <pre>{@code
 * Demo demo = new SensorDemo();
 * demo.pipeline();   // "sensor-story"
 * demo.play(run);    // run: the tool's DemoRun, with the pipeline's jobs running
 * }</pre>
 */
public final class SensorDemo implements Demo {
  /** The stage that accepts readings (and rejects bad ones). */
  static final String READINGS = "readings";
  /** The stage that summarises readings per sensor and minute (and rejects late ones). */
  static final String PER_MINUTE = "per-minute";
  /** The stage that turns hot summaries into alerts. */
  static final String ALERTS = "alerts";

  private final DemoFeed feed = DemoFeed.standard();

  @Override
  public String pipeline() {
    return SensorStory.PIPELINE;
  }

  @Override
  public void play(DemoRun run) throws Exception {
    Plan plan = run.plan();
    String input = plan.stage(READINGS).inputTopics().get(0);
    KafkaClientConfig kafka = run.target().kafka();
    try (SchemaRegistry registry = SchemaRegistry.connect(run.target().registry());
         KafkaProducer<byte[], byte[]> producer = RawProducer.idempotent(kafka);
         TopicReader reader = new TopicReader(kafka)) {
      int id = registry.register(ResourceNames.subject(input), Reading.getClassSchema());
      WireEncoder<Reading> encoder = WireEncoder.forSpecific(Reading.class, id);
      List<Reading> onTime = feed.onTime();
      onTime.forEach(r -> send(producer, input, r.getSensorId(), encoder.encode(r)));
      List<byte[]> malformed = feed.malformed(encoder);
      malformed.forEach(bytes -> send(producer, input, "garbage", bytes));
      send(producer, input, "unknown-schema", feed.unknownSchema(encoder));
      producer.flush();
      run.say("Fed " + onTime.size() + " readings (" + feed.count(GeneratedReading.Kind.OUT_OF_RANGE)
          + " out of range, 1 clock reading), " + malformed.size() + " undecodable values, 1 record of an unknown schema");

      // Late readings only count as late once their minutes have closed.
      long summaries = feed.expectedSummaries();
      String perMinute = plan.stage(PER_MINUTE).outputTopic();
      run.await("per-minute summaries", () -> reader.readCommitted(perMinute).size() >= summaries);
      List<Reading> late = feed.late();
      late.forEach(r -> send(producer, input, r.getSensorId(), encoder.encode(r)));
      producer.flush();
      run.say("Fed " + late.size() + " late readings, for minutes that have closed");

      long rejectedAtSource = feed.count(GeneratedReading.Kind.OUT_OF_RANGE) + malformed.size() + 1;
      String readingLetters = plan.stage(READINGS).deadLetterTopic();
      String perMinuteLetters = plan.stage(PER_MINUTE).deadLetterTopic();
      run.await("dead letters", () -> reader.readCommitted(readingLetters).size() >= rejectedAtSource
          && reader.readCommitted(perMinuteLetters).size() >= late.size());
      String alerts = plan.stage(ALERTS).outputTopic();
      run.await("alerts", () -> reader.readCommitted(alerts).size() >= feed.expectedAlerts());

      new DemoStory(run.out(), reader, run.target().registry()).tell(plan);

      KafkaRecord first = reader.readCommitted(alerts).get(0);
      run.say("");
      run.say("Where the first alert came from, back to the readings that made it hot (./baton trace " + alerts + " "
          + first.partition() + " " + first.offset() + "):");
      run.trace(alerts, first.partition(), first.offset());
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
  }
}
