package io.baton.flink.internal.runtime;

import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.OutRecord;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Records that came after their window closed (past grace): dead letters with reason {@code late}. */
public final class LateStep extends ProcessFunction<Envelope, OutRecord> {
  private static final long serialVersionUID = 1L;

  private final DeadLetterOutput rejects;
  private final Duration grace;
  private transient StageMetrics metrics;

  public LateStep(DeadLetterOutput rejects, Duration grace) {
    this.rejects = rejects;
    this.grace = grace;
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new StageMetrics(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(Envelope in, Context ctx, Collector<OutRecord> out) {
    metrics.late();
    out.collect(rejects.record(in.record, DeadLetterReason.late(), "event time " + in.timestamp
        + " is behind the watermark " + ctx.timerService().currentWatermark() + " by more than the grace " + grace));
  }
}
