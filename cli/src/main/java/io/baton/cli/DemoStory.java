package io.baton.cli;

import io.baton.api.internal.ResourceNames;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.TopicReader;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.sensor.Alert;
import io.baton.schemas.sensor.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
      Map<String, Long> reasons = SensorDemo.byReason(letters);
      out.printf(Locale.ROOT, "  %-11s in %5d  →  out %5d   dead letters %3d%s%n", stage.name(), in, written.size(),
          letters.size(), reasons.isEmpty() ? "" : "  (" + reasons.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
    }
    List<Summary> summaries = SensorDemo.decode(reader.readCommitted("sensor-story.per-minute"), Summary.class, registry);
    int batched = summaries.stream().mapToInt(Summary::getCount).sum();
    out.printf("  per-minute batched %d readings into %d one-minute summaries; the clock reading's minute stays open%n",
        batched, summaries.size());
    List<Alert> alerts = SensorDemo.decode(reader.readCommitted("sensors.alerts"), Alert.class, registry);
    out.printf("%nA few of the %d alerts (sensors.alerts, decoded):%n", alerts.size());
    alerts.stream().limit(3).forEach(a -> out.println("  " + a));
    List<KafkaRecord> letters = reader.readCommitted(ResourceNames.deadLetterTopic("sensor-story", "readings"));
    out.println("\nA dead letter keeps the original bytes and says why (headers of the first one):");
    letters.stream().limit(1).forEach(r -> r.headers().stream().filter(h -> h.key().startsWith("baton."))
        .forEach(h -> out.println("  " + h.key() + " = " + h.valueAsString())));
    out.flush();
  }
}
