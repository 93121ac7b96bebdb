package io.baton.cli;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.DeadLetterRecord;
import io.baton.connectors.Header;
import io.baton.connectors.InputOffsets;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.LineagePointer;
import io.baton.connectors.Provenance;
import io.baton.connectors.RunId;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A record's headers as people read them: {@code baton.lineage} as its stage, version and inputs
 * ({@code topic:partition:offset ranges}, or how many inputs the lineage topic holds for it and where), {@code baton.run} as the run id, text headers as text and anything
 * else as base64.
 *
 * <pre>{@code
 * HeaderText.of(record, Optional.of(plan));
 * // [baton.lineage=stage alerts, version 1, 1 input: sensor-story.per-minute:0:12, baton.run=20261205T...-3f9a01c2]
 * }</pre>
 */
final class HeaderText {
  /** Longest inputs text shown before it is cut (the count is always shown). */
  static final int MAX_INPUTS_TEXT = 160;

  private HeaderText() {}

  /** Each header as key and readable value, in the record's order. */
  static List<Map.Entry<String, String>> of(KafkaRecord record, Optional<Plan> plan) {
    List<Map.Entry<String, String>> shown = new ArrayList<>();
    for (Header h : record.headers()) {
      shown.add(Map.entry(h.key(), value(record, h, plan)));
    }
    return shown;
  }

  private static String value(KafkaRecord record, Header h, Optional<Plan> plan) {
    try {
      return switch (h.key()) {
        case BatonHeaders.LINEAGE -> lineage(h.value(), lineageTopic(record), plan);
        case BatonHeaders.RUN -> RunId.fromBytes(h.value()).toString();
        default -> text(h.value());
      };
    } catch (IllegalArgumentException e) {
      return "<unreadable: " + e.getMessage() + "> " + base64(h.value());
    }
  }

  /** The topic whose writer wrote a lineage header on {@code record}: a dead letter keeps its source record's. */
  private static String lineageTopic(KafkaRecord record) {
    return record.lastHeader(BatonHeaders.REASON).isPresent()
        ? DeadLetterRecord.from(record).sourceTopic().orElse(record.topic()) : record.topic();
  }

  /** {@code stage alerts, version 1, 1 input: sensor-story.per-minute:0:12}. */
  static String lineage(byte[] value, String topic, Optional<Plan> plan) {
    Optional<PlannedStage> writer = plan.flatMap(p -> p.writerOf(topic));
    String stage = writer.map(w -> "stage " + w.name() + ", ").orElse("stage unknown (no pipeline writes " + topic + "), ");
    if (value != null && value.length > 0 && value[0] == LineagePointer.FORMAT) {
      return stage + pointer(LineagePointer.decode(value));
    }
    List<String> inputTopics = writer.map(PlannedStage::inputTopics)
        .orElse(IntStream.range(0, 64).mapToObj(i -> "input#" + i).toList());
    Provenance p = Provenance.decode(value, inputTopics);
    return stage + "version " + p.stageVersion() + ", " + inputs(p.inputs());
  }

  /** {@code version 1, 40000 inputs in the lineage topic sensor-story.lineage:2, key per-minute/3fa0…}. */
  static String pointer(LineagePointer p) {
    long n = p.inputCount();
    return "version " + p.stageVersion() + ", " + n + (n == 1 ? " input" : " inputs") + " in the lineage topic "
        + p.topic() + ":" + p.partition() + ", key " + p.key()
        + (p.chunks() == 1 ? "" : " (" + p.chunks() + " records)");
  }

  /** {@code 3 inputs: t:0:4-6}, the text cut after {@link #MAX_INPUTS_TEXT} characters. */
  static String inputs(InputOffsets inputs) {
    long n = inputs.count();
    String text = cut(inputs.encode(), MAX_INPUTS_TEXT);
    return inputs.isExact() ? n + (n == 1 ? " input: " : " inputs: ") + text : "inputs within spans (approximate): " + text;
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  /** UTF-8 text when the bytes are printable text, else {@code base64:...}. */
  static String text(byte[] value) {
    if (value == null) {
      return "null";
    }
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
      if (s.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t')) {
        return s;
      }
    } catch (CharacterCodingException e) {
      // not text: shown as base64 below
    }
    return base64(value);
  }

  private static String base64(byte[] value) {
    return "base64:" + Base64.getEncoder().encodeToString(value);
  }
}
