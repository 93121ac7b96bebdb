package io.baton.flink.internal.runtime;

import io.baton.api.fn.Aggregation;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Adds each accepted record of a window to its key's {@link Accumulation} as it arrives: the user's
 * {@code add}, the record's offset to the exact inputs, its time to the span. Nothing of the record is
 * kept. {@link AggregateRelease} turns the accumulation into the output when the batch is released.
 *
 * <pre>{@code
 * windowed.aggregate(new AggregateStep(readers, keys, aggregation), new AggregateRelease<>(aggregation, writer),
 *     AccumulationSerializer.TYPE, AccumulationSerializer.TYPE, OutRecord.Types.TYPE_INFO)
 * }</pre>
 */
public final class AggregateStep implements AggregateFunction<Envelope, Accumulation, Accumulation> {
  private static final long serialVersionUID = 1L;

  private final InputReaders readers;
  private final Keys keys;
  private final Aggregation<Object, Object, Object, Object> aggregation;
  // An AggregateFunction has no open(): the readers open with the first record.
  private transient boolean opened;

  public AggregateStep(InputReaders readers, Keys keys, Aggregation<Object, Object, Object, Object> aggregation) {
    this.readers = readers;
    this.keys = keys;
    this.aggregation = aggregation;
  }

  @Override
  public Accumulation createAccumulator() {
    return new Accumulation(aggregation.createAccumulator());
  }

  @Override
  public Accumulation add(Envelope e, Accumulation acc) {
    if (!opened) {
      readers.open();
      opened = true;
    }
    Object record = readers.decode(e);
    try {
      if (acc.count == 0) {
        acc.typedKey = keys.key(e.side, record);
        acc.key = e.key;
      }
      acc.user = aggregation.add(acc.user, record);
    } catch (Exception ex) {
      throw new IllegalStateException("the aggregate's add failed on " + e + ": " + ex, ex);
    }
    acc.inputs.add(e.record.topic(), e.record.partition(), e.record.offset());
    acc.earliest = Math.min(acc.earliest, e.timestamp);
    acc.newest = Math.max(acc.newest, e.timestamp);
    acc.count++;
    return acc;
  }

  @Override
  public Accumulation getResult(Accumulation acc) {
    return acc;
  }

  /** Two sessions' accumulations in one. */
  @Override
  public Accumulation merge(Accumulation a, Accumulation b) {
    if (b.count == 0) {
      return a;
    }
    if (a.count == 0) {
      a.typedKey = b.typedKey;
      a.key = b.key;
    }
    try {
      a.user = aggregation.merge(a.user, b.user);
    } catch (Exception ex) {
      throw new IllegalStateException("the aggregate's merge failed: " + ex, ex);
    }
    a.inputs.addAll(b.inputs);
    a.earliest = Math.min(a.earliest, b.earliest);
    a.newest = Math.max(a.newest, b.newest);
    a.count += b.count;
    return a;
  }
}
