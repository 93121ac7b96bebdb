package io.baton.connectors.internal;

import io.baton.connectors.KafkaRecord;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link KafkaRecord}: topic, partition, offset, timestamp, key, value, headers,
 * written field by field (no Kryo, no reflection). Records are immutable, so copies are free.
 *
 * <pre>{@code
 * TypeInformation<KafkaRecord> info = TypeInformation.of(KafkaRecord.class);  // uses this serializer
 * }</pre>
 */
public final class KafkaRecordSerializer extends TypeSerializerSingleton<KafkaRecord> {
  private static final long serialVersionUID = 1L;

  /** The one instance (the serializer is stateless). */
  public static final KafkaRecordSerializer INSTANCE = new KafkaRecordSerializer();

  private static final KafkaRecord EMPTY = new KafkaRecord("", 0, 0, KafkaRecord.NO_TIMESTAMP, null, null, List.of());

  private KafkaRecordSerializer() {}

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public KafkaRecord createInstance() {
    return EMPTY;
  }

  @Override
  public KafkaRecord copy(KafkaRecord from) {
    return from;
  }

  @Override
  public KafkaRecord copy(KafkaRecord from, KafkaRecord reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(KafkaRecord record, DataOutputView out) throws IOException {
    out.writeUTF(record.topic());
    out.writeInt(record.partition());
    out.writeLong(record.offset());
    out.writeLong(record.timestamp());
    RecordIO.writeBytes(record.key(), out);
    RecordIO.writeBytes(record.value(), out);
    RecordIO.writeHeaders(record.headers(), out);
  }

  @Override
  public KafkaRecord deserialize(DataInputView in) throws IOException {
    String topic = in.readUTF();
    int partition = in.readInt();
    long offset = in.readLong();
    long timestamp = in.readLong();
    byte[] key = RecordIO.readBytes(in);
    byte[] value = RecordIO.readBytes(in);
    return new KafkaRecord(topic, partition, offset, timestamp, key, value, RecordIO.readHeaders(in));
  }

  @Override
  public KafkaRecord deserialize(KafkaRecord reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<KafkaRecord> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer from a savepoint. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<KafkaRecord> {
    /** Used by Flink when reading a savepoint. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
