package io.baton.flink.internal.runtime;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Stamps each accepted record with its offset as its Flink timestamp, so that count-like batching
 * sees records in the order they arrived on their partition in both execution modes. In BATCH mode
 * Flink sorts a keyed input by key and then by timestamp before the window operator: with event
 * times there, a count batch would be formed in timestamp order; with offsets it is formed in
 * arrival order, as a streaming run forms it. The envelope keeps its event time for outputs;
 * watermarks pass through unchanged (count-like batches only need the final one, at the end of input).
 *
 * <pre>{@code
 * accepted.transform("arrival order", accepted.getType(), new ArrivalOrder()).keyBy(e -> e.key, Types.STRING)
 * }</pre>
 */
public final class ArrivalOrder extends AbstractStreamOperator<Envelope>
    implements OneInputStreamOperator<Envelope, Envelope> {
  private static final long serialVersionUID = 1L;

  @Override
  public void processElement(StreamRecord<Envelope> element) {
    output.collect(element.replace(element.getValue(), element.getValue().record.offset()));
  }

  @Override
  public String toString() {
    return "ArrivalOrder()";
  }
}
