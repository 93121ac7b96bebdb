package io.baton.flink.internal.runtime;

import io.baton.connectors.KafkaRecord;
import io.baton.connectors.internal.KafkaRecordSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link Envelope}: side, key, rate key, timestamp and the {@link KafkaRecord}
 * (its original bytes), field by field. The decoded record is not written: after a network exchange or a
 * state restore it is absent and decoded again from the bytes where needed. A copy shares the decoded record.
 *
 * <pre>{@code
 * TypeInformation<Envelope> info = TypeInformation.of(Envelope.class);  // uses this serializer
 * }</pre>
 */
public final class EnvelopeSerializer extends TypeSerializerSingleton<Envelope> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final EnvelopeSerializer INSTANCE = new EnvelopeSerializer();

  private static final KafkaRecordSerializer RECORD = KafkaRecordSerializer.INSTANCE;
  private static final StringSerializer TEXT = StringSerializer.INSTANCE;

  private EnvelopeSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public Envelope createInstance() {
    return new Envelope();
  }

  @Override
  public Envelope copy(Envelope from) {
    Envelope copy = new Envelope(from.side, from.key, from.timestamp, from.record, from.decoded());
    copy.rateKey = from.rateKey;
    return copy;
  }

  @Override
  public Envelope copy(Envelope from, Envelope reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Envelope e, DataOutputView out) throws IOException {
    out.writeInt(e.side);
    TEXT.serialize(e.key, out);
    TEXT.serialize(e.rateKey, out);
    out.writeLong(e.timestamp);
    RECORD.serialize(e.record, out);
  }

  @Override
  public Envelope deserialize(DataInputView in) throws IOException {
    int side = in.readInt();
    String key = TEXT.deserialize(in);
    String rateKey = TEXT.deserialize(in);
    long timestamp = in.readLong();
    Envelope e = new Envelope(side, key, timestamp, RECORD.deserialize(in));
    e.rateKey = rateKey;
    return e;
  }

  @Override
  public Envelope deserialize(Envelope reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    out.writeInt(in.readInt());
    TEXT.copy(in, out);
    TEXT.copy(in, out);
    out.writeLong(in.readLong());
    RECORD.copy(in, out);
  }

  @Override
  public TypeSerializerSnapshot<Envelope> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer from a savepoint. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Envelope> {
    /** Used by Flink when reading a savepoint. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
