package io.baton.flink.internal.runtime;

import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.util.OutputTag;

/**
 * Where a stage's rejected records go: the side output every rejecting operator writes to, and the
 * stage's {@link DeadLetter} maker that turns a rejected record into its dead letter. Built once per
 * stage (in {@code StageTopology}) and handed to each operator that rejects.
 *
 * <pre>{@code
 * DeadLetterOutput rejects = DeadLetterOutput.of(DeadLetter.forStage(pipeline, spec.name(), spec.deadLetterTopic()));
 * ctx.output(DeadLetterOutput.TAG, rejects.record(in, DeadLetterReason.throttled(), "key s-1 is over 10 records per PT1S"));
 * DataStream<OutRecord> letters = operator.getSideOutput(DeadLetterOutput.TAG);
 * }</pre>
 */
public final class DeadLetterOutput implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The side output of rejected records, as dead-letter records; the same tag in every operator of a stage. */
  public static final OutputTag<OutRecord> TAG = new OutputTag<>("rejected", OutRecord.Types.TYPE_INFO);

  private final DeadLetter deadLetter;

  private DeadLetterOutput(DeadLetter deadLetter) {
    this.deadLetter = deadLetter;
  }

  /** The output for the stage whose dead letters {@code deadLetter} makes. */
  public static DeadLetterOutput of(DeadLetter deadLetter) {
    return new DeadLetterOutput(Objects.requireNonNull(deadLetter,
        "deadLetter must not be null; make it with DeadLetter.forStage(pipeline, stage, deadLetterTopic)"));
  }

  /** The dead-letter record for {@code input}, stamped now. */
  public OutRecord record(KafkaRecord input, DeadLetterReason reason, String error) {
    return deadLetter.record(input, reason, error);
  }

  /** The stage's dead-letter maker. */
  public DeadLetter deadLetter() {
    return deadLetter;
  }

  @Override
  public String toString() {
    return "DeadLetterOutput.of(" + deadLetter + ")";
  }
}
