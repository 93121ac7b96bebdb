package io.baton.flink.internal.accept;

import io.baton.api.accept.Accept;
import io.baton.api.accept.RateLimit;
import io.baton.api.fn.TimestampFunction;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.KafkaRecord;
import io.baton.flink.internal.runtime.DeadLetterOutput;
import io.baton.flink.internal.runtime.Envelope;
import io.baton.flink.internal.runtime.InputReaders;
import io.baton.flink.internal.runtime.Keys;
import io.baton.flink.internal.runtime.StageInfo;
import io.baton.flink.internal.runtime.StageMetrics;
import io.baton.schemas.wire.DecodeException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The accept step of a stage, in order: the size limit ({@code too-large}), before any decoding; the
 * value must decode ({@code malformed}) with a known writer schema that resolves to the reader's
 * ({@code schema}); then the named rules ({@code rule:<name>}); a per-key rate limit comes after,
 * in {@link ThrottleStep}. Every rejection goes to the
 * {@link DeadLetterOutput#TAG} side output with its reason; nothing is dropped. A registry that cannot be
 * reached is not a reason: the exception fails the job, which restarts from its checkpoint.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class AcceptStep extends ProcessFunction<KafkaRecord, Envelope> {
  private static final long serialVersionUID = 1L;

  private final StageInfo stage;
  private final InputReaders readers;
  private final Accept accept;
  private final AcceptChecks checks;
  private final Keys keys;
  private final TimestampFunction timestamp;
  private final DeadLetterOutput rejects;
  private transient StageMetrics metrics;
  private transient Counter accepted;

  /** {@code timestamp} reads event time from a source's records; null uses the Kafka timestamp. */
  public AcceptStep(StageInfo stage, InputReaders readers, Accept<?> accept, Keys keys, TimestampFunction<?> timestamp,
      DeadLetterOutput rejects) {
    this.stage = stage;
    this.readers = readers;
    this.accept = accept;
    this.checks = AcceptChecks.of(accept);
    this.keys = keys;
    this.timestamp = timestamp;
    this.rejects = rejects;
  }

  @Override
  public void open(OpenContext openContext) {
    readers.open();
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup());
    accepted = metrics.counter("accepted");
  }

  @Override
  public void close() {
    readers.close();
  }

  @Override
  public void processElement(KafkaRecord in, Context ctx, Collector<Envelope> out) throws Exception {
    int side = stage.sideOf(in.topic());
    AcceptChecks.Rejection tooLarge = checks.checkSize(in.sizeInBytes());
    if (tooLarge != null) {
      reject(ctx, in, tooLarge.reason(), tooLarge.error());
      return;
    }
    Object record;
    try {
      record = readers.decode(side, in.value());
    } catch (DecodeException e) {
      reject(ctx, in, DeadLetterReason.parse(e.reason()), e.getMessage());
      return;
    }
    AcceptChecks.Rejection rejection = checks.checkRules(record);
    if (rejection != null) {
      reject(ctx, in, rejection.reason(), rejection.error());
      return;
    }
    long time = timestamp != null ? timestamp.timestamp(record)
        : in.timestamp() != KafkaRecord.NO_TIMESTAMP ? in.timestamp() : ctx.timerService().currentProcessingTime();
    Envelope envelope = new Envelope(side, keys.text(side, record), time, in, record);
    if (accept.rateLimit().isPresent()) {
      // Not accepted yet: the rate limit decides, and counts it (ThrottleStep).
      envelope.rateKey = String.valueOf(((RateLimit) accept.rateLimit().get()).key().key(record));
    } else {
      accepted.inc();
    }
    out.collect(envelope);
  }

  private void reject(Context ctx, KafkaRecord in, DeadLetterReason reason, String error) {
    metrics.rejected(reason.code());
    ctx.output(DeadLetterOutput.TAG, rejects.record(in, reason, error));
  }
}
