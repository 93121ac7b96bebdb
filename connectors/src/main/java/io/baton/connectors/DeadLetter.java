package io.baton.connectors;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Makes the dead-letter records of one stage: the rejected record's original key, value, headers and
 * timestamp, sent to {@code <pipeline>.<stage>.dead-letter}, with the reason and source coordinates
 * appended as headers ({@link BatonHeaders}); {@link DeadLetterRecord} reads them back. Serializable: create it
 * once and use it in a Flink function.
 *
 * <pre>{@code
 * DeadLetter deadLetters = DeadLetter.forStage("sensor-story", "readings", spec.deadLetterTopic());
 * OutRecord rejected = deadLetters.record(input, DeadLetterReason.rule("celsius in physical range"), "celsius was 412.0");
 * DeadLetterRecord back = DeadLetterRecord.from(recordOfTheDeadLetterTopic);   // back.rule(): celsius in physical range
 * }</pre>
 */
public final class DeadLetter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Longest error message kept in the {@link BatonHeaders#ERROR} header (longer ones are cut). */
  public static final int MAX_ERROR_CHARS = 2_000;

  private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private final String pipeline;
  private final String stage;
  private final String topic;

  private DeadLetter(String pipeline, String stage, String topic) {
    this.pipeline = pipeline;
    this.stage = stage;
    this.topic = topic;
  }

  /**
   * The dead-letter maker for {@code stage} of {@code pipeline}, writing to {@code topic} (the
   * stage's dead-letter topic, named by the planner).
   *
   * @throws IllegalArgumentException when the names are blank or the topic is not a legal Kafka topic name
   */
  public static DeadLetter forStage(String pipeline, String stage, String topic) {
    List<String> problems = new ArrayList<>();
    if (pipeline == null || pipeline.isBlank()) {
      problems.add("pipeline must not be blank, got '" + pipeline + "'");
    }
    if (stage == null || stage.isBlank()) {
      problems.add("stage must not be blank, got '" + stage + "'");
    }
    if (problems.isEmpty() && !LEGAL_TOPIC.matcher(topic).matches()) {
      problems.add("dead-letter topic '" + topic
          + "' is not a legal Kafka topic name (letters, digits, '.', '_', '-'; at most 249)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid DeadLetter.forStage: " + String.join("; ", problems));
    }
    return new DeadLetter(pipeline, stage, topic);
  }

  /** The dead-letter record for {@code input}, stamped now. */
  public OutRecord record(KafkaRecord input, DeadLetterReason reason, String error) {
    return record(input, reason, error, Instant.now());
  }

  /** The dead-letter record for {@code input}, stamped {@code at}. */
  public OutRecord record(KafkaRecord input, DeadLetterReason reason, String error, Instant at) {
    Objects.requireNonNull(input, "input record must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(at, "time must not be null");
    OutRecord.Builder out = OutRecord.builder()
        .topic(topic)
        .key(input.key())
        .value(input.value())
        .timestamp(input.timestamp())
        .headers(input.headers())
        .header(Header.ofString(BatonHeaders.REASON, reason.code()));
    reason.ruleName().ifPresent(rule -> out.header(Header.ofString(BatonHeaders.RULE, rule)));
    return out
        .header(Header.ofString(BatonHeaders.ERROR, cut(error)))
        .header(Header.ofString(BatonHeaders.SOURCE_TOPIC, input.topic()))
        .header(Header.ofString(BatonHeaders.SOURCE_PARTITION, Integer.toString(input.partition())))
        .header(Header.ofString(BatonHeaders.SOURCE_OFFSET, Long.toString(input.offset())))
        .header(Header.ofString(BatonHeaders.STAGE, stage))
        .header(Header.ofString(BatonHeaders.TIME, at.toString()))
        .build();
  }

  /** The topic this stage's dead letters go to. */
  public String topic() {
    return topic;
  }

  /** The pipeline name. */
  public String pipeline() {
    return pipeline;
  }

  /** The stage name. */
  public String stage() {
    return stage;
  }

  private static String cut(String error) {
    if (error == null) {
      return "";
    }
    return error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter other && pipeline.equals(other.pipeline) && stage.equals(other.stage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pipeline, stage);
  }

  @Override
  public String toString() {
    return "DeadLetter.forStage(\"" + pipeline + "\", \"" + stage + "\", \"" + topic + "\")";
  }
}
