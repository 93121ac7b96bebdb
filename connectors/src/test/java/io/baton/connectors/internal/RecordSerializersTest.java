package io.baton.connectors.internal;

import io.baton.connectors.Header;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecordSerializersTest {

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T first = serializer.deserialize(in);
    DataOutputSerializer copied = new DataOutputSerializer(64);
    serializer.copy(in, copied);
    assertThat(in.available()).isZero();
    assertThat(serializer.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer()))).isEqualTo(first);
    return first;
  }

  @Test
  void kafkaRecordSurvivesFlinkSerialization() throws Exception {
    KafkaRecord record = KafkaRecord.builder().topic("t").partition(2).offset(99).timestamp(5)
        .key(null).value("v".getBytes(UTF_8))
        .header(Header.of("null-valued", null)).header(Header.ofString("k", "é")).header(Header.ofString("k", "2"))
        .build();

    assertThat(roundTrip(KafkaRecordSerializer.INSTANCE, record)).isEqualTo(record);
  }

  @Test
  void outRecordSurvivesFlinkSerializationWithAndWithoutTopic() throws Exception {
    OutRecord withTopic = OutRecord.builder().topic("x").key(new byte[] {1}).value(new byte[] {2, 3})
        .header(Header.ofString("h", "v")).timestamp(77).build();
    OutRecord defaultTopic = OutRecord.builder().value(new byte[0]).build();

    assertThat(roundTrip(OutRecordSerializer.INSTANCE, withTopic)).isEqualTo(withTopic);
    assertThat(roundTrip(OutRecordSerializer.INSTANCE, defaultTopic)).isEqualTo(defaultTopic);
  }

  @Test
  void anOutRecordsChosenPartitionSurvivesFlinkSerializationAndReachesTheProducerRecord() throws Exception {
    OutRecord lineage = new OutRecord("p.lineage", new byte[] {1}, new byte[] {2}, java.util.List.of(), 5, 3);

    OutRecord back = roundTrip(OutRecordSerializer.INSTANCE, lineage);

    assertThat(back.partition()).isEqualTo(3);
    assertThat(new OutRecordSerializationSchema("out").serialize(back, null, null).partition()).isEqualTo(3);
    OutRecord unchosen = OutRecord.builder().value(new byte[0]).build();
    assertThat(new OutRecordSerializationSchema("out").serialize(unchosen, null, null).partition()).isNull();
  }

  @Test
  void flinkTypeExtractionFindsTheSerializers() {
    assertThat(TypeInformation.of(KafkaRecord.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(KafkaRecordSerializer.INSTANCE);
    assertThat(TypeInformation.of(OutRecord.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(OutRecordSerializer.INSTANCE);
  }

  @Test
  void serializerSnapshotRestoresTheSameSerializer() throws Exception {
    TypeSerializerSnapshot<KafkaRecord> snapshot = KafkaRecordSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(16);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);

    TypeSerializerSnapshot<KafkaRecord> restored = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(restored.restoreSerializer()).isSameAs(KafkaRecordSerializer.INSTANCE);
    assertThat(new OutRecordSerializer.Snapshot().restoreSerializer()).isSameAs(OutRecordSerializer.INSTANCE);
  }
}
