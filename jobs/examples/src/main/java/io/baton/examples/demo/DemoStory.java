package io.baton.examples.demo;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Summary;
import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.wire.WireDecoder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Tells what happened to the demo's records, stage by stage, from what the topics hold
 * ({@code read_committed}): records in, out and rejected by reason, and a few outputs as JSON.
 *
 * <pre>
 * readings     in  367  →  out  359   dead letters   8  (malformed 3, rule:celsius in physical range 4, schema 1)
 * </pre>
 */
final class DemoStory {
  private final PrintWriter out;
  private final TopicReader reader;
  private final RegistryConfig registry;

  DemoStory(PrintWriter out, TopicReader reader, RegistryConfig registry) {
    this.out = out;
    this.reader = reader;
    this.registry = registry;
  }

  void tell(Plan plan) {
    out.printf("%nThe story of %s (records per stage, as committed in Kafka)%n", plan.pipeline());
    for (PlannedStage stage : plan.stages()) {
      int in = stage.inputTopics().stream().mapToInt(t -> reader.readCommitted(t).size()).sum();
      List<KafkaRecord> written = reader.readCommitted(stage.outputTopic());
      List<KafkaRecord> letters = reader.readCommitted(stage.deadLetterTopic());
      Map<String, Long> reasons = byReason(letters);
      out.printf(Locale.ROOT, "  %-11s in %5d  →  out %5d   dead letters %3d%s%n", stage.name(), in, written.size(),
          letters.size(), reasons.isEmpty() ? "" : "  (" + reasons.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
    }
    List<Summary> summaries = decode(reader.readCommitted(plan.stage(SensorDemo.PER_MINUTE).outputTopic()), Summary.class);
    int batched = summaries.stream().mapToInt(Summary::getCount).sum();
    out.printf("  per-minute batched %d readings into %d one-minute summaries; the clock reading's minute stays open%n",
        batched, summaries.size());
    String alertsTopic = plan.stage(SensorDemo.ALERTS).outputTopic();
    List<Alert> alerts = decode(reader.readCommitted(alertsTopic), Alert.class);
    out.printf("%nA few of the %d alerts (%s, decoded):%n", alerts.size(), alertsTopic);
    alerts.stream().limit(3).forEach(a -> out.println("  " + a));
    List<KafkaRecord> letters = reader.readCommitted(plan.stage(SensorDemo.READINGS).deadLetterTopic());
    out.println("\nA dead letter keeps the original bytes and says why (headers of the first one):");
    letters.stream().limit(1).forEach(r -> r.headers().stream().filter(h -> BatonHeaders.DEAD_LETTER.contains(h.key()))
        .forEach(h -> out.println("  " + h.key() + " = " + h.valueAsString())));
    out.flush();
  }

  /** Dead letters of one topic counted by reason. */
  static Map<String, Long> byReason(List<KafkaRecord> letters) {
    return letters.stream().collect(Collectors.groupingBy(
        r -> DeadLetterRecord.from(r).reasonCode().orElse("?"), TreeMap::new, Collectors.counting()));
  }

  /** Decodes one topic's records, for printing. */
  private <T extends SpecificRecord> List<T> decode(List<KafkaRecord> records, Class<T> type) {
    WireDecoder<T> decoder = WireDecoder.forSpecific(type, registry);
    decoder.open();
    try {
      return records.stream().map(r -> {
        try {
          return decoder.decode(r.value());
        } catch (DecodeException e) {
          throw new IllegalStateException("output of " + r.topic() + " does not decode: " + e.getMessage(), e);
        }
      }).toList();
    } finally {
      decoder.close();
    }
  }
}
