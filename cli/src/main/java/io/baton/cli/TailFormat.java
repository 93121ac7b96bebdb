package io.baton.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baton.connectors.BatonHeaders;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.KafkaRecord;
import io.baton.flink.plan.Plan;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One record of {@code baton tail} as a line or a JSON object: where it is, its key and decoded value, a dead
 * letter's reason and source, and with headers every header readable ({@link HeaderText}).
 *
 * <pre>
 * sensor-story.readings.dead-letter:0:0  key s-2  {"sensorId":"s-2","celsius":500.0,...}  ← readings rejected it: rule:celsius in physical range, from sensors.readings:0:1
 *     baton.lineage: stage alerts, version 1, 1 input: sensor-story.per-minute:0:12
 * </pre>
 */
final class TailFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<Plan> plan;
  private final ValueDecoder values;
  private final boolean headers;

  TailFormat(Optional<Plan> plan, ValueDecoder values, boolean headers) {
    this.plan = plan;
    this.values = values;
    this.headers = headers;
  }

  /** The record's line, then one indented line per header when headers are shown. */
  String text(KafkaRecord r) {
    StringBuilder line = new StringBuilder(r.topic() + ":" + r.partition() + ":" + r.offset());
    if (r.key() != null) {
      line.append("  key ").append(HeaderText.text(r.key()));
    }
    line.append("  ").append(values.decode(r.value()).text());
    letter(r).ifPresent(l -> line.append("  ← ").append(l.stage().orElse("a stage")).append(" rejected it: ")
        .append(l.reasonCode().orElse("no reason header")).append(", from ").append(l.source())
        .append(l.error().map(e -> " (" + e.replaceAll("\\s*[\\r\\n]+\\s*", " ") + ")").orElse("")));
    if (headers) {
      for (Map.Entry<String, String> h : HeaderText.of(r, plan)) {
        line.append(System.lineSeparator()).append("    ").append(h.getKey()).append(": ").append(h.getValue());
      }
    }
    return line.toString();
  }

  /** The record as one JSON object. */
  ObjectNode json(KafkaRecord r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("topic", r.topic());
    o.put("partition", r.partition());
    o.put("offset", r.offset());
    o.put("timestamp", r.timestamp() == KafkaRecord.NO_TIMESTAMP ? null : Instant.ofEpochMilli(r.timestamp()).toString());
    o.put("key", r.key() == null ? null : HeaderText.text(r.key()));
    values.decode(r.value()).into(o);
    letter(r).ifPresent(l -> {
      ObjectNode d = o.putObject("deadLetter");
      d.put("reason", l.reasonCode().orElse(null));
      l.rule().ifPresent(v -> d.put("rule", v));
      d.put("error", l.error().orElse(null));
      d.put("stage", l.stage().orElse(null));
      d.put("source", l.source());
      d.put("time", l.time().map(Instant::toString).orElse(null));
    });
    if (headers) {
      ArrayNode list = o.putArray("headers");
      HeaderText.of(r, plan).forEach(h -> list.addObject().put("key", h.getKey()).put("value", h.getValue()));
    }
    return o;
  }

  /** The dead letter in {@code r}, when it is one (it carries a reason). */
  private static Optional<DeadLetterRecord> letter(KafkaRecord r) {
    return r.lastHeader(BatonHeaders.REASON).isPresent() ? Optional.of(DeadLetterRecord.from(r)) : Optional.empty();
  }
}
