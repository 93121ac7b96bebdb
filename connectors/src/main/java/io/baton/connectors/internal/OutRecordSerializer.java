package io.baton.connectors.internal;

import io.baton.connectors.Header;
import io.baton.connectors.OutRecord;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link OutRecord}: topic (nullable), key, value, headers, timestamp, partition, written field
 * by field. Records are immutable, so copies are free.
 *
 * <pre>{@code
 * TypeInformation<OutRecord> info = TypeInformation.of(OutRecord.class);  // uses this serializer
 * }</pre>
 */
public final class OutRecordSerializer extends TypeSerializerSingleton<OutRecord> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final OutRecordSerializer INSTANCE = new OutRecordSerializer();

  private static final OutRecord EMPTY = new OutRecord(null, null, new byte[0], List.of(), OutRecord.NO_TIMESTAMP);

  private OutRecordSerializer() {}

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public OutRecord createInstance() {
    return EMPTY;
  }

  @Override
  public OutRecord copy(OutRecord from) {
    return from;
  }

  @Override
  public OutRecord copy(OutRecord from, OutRecord reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(OutRecord record, DataOutputView out) throws IOException {
    RecordIO.writeNullableString(record.topic().orElse(null), out);
    RecordIO.writeBytes(record.key(), out);
    RecordIO.writeBytes(record.value(), out);
    RecordIO.writeHeaders(record.headers(), out);
    out.writeLong(record.timestamp());
    out.writeInt(record.partition());
  }

  @Override
  public OutRecord deserialize(DataInputView in) throws IOException {
    String topic = RecordIO.readNullableString(in);
    byte[] key = RecordIO.readBytes(in);
    byte[] value = RecordIO.readBytes(in);
    List<Header> headers = RecordIO.readHeaders(in);
    long timestamp = in.readLong();
    return new OutRecord(topic, key, value, headers, timestamp, in.readInt());
  }

  @Override
  public OutRecord deserialize(OutRecord reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<OutRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer from a savepoint. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<OutRecord> {
    /** Used by Flink when reading a savepoint. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
