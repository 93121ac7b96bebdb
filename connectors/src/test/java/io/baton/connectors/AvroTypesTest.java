package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.schemas.nexmark.Bid;
import io.baton.schemas.sensor.Reading;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class AvroTypesTest {
  private static final Schema V1 = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Acc\",\"fields\":[{\"name\":\"n\",\"type\":\"long\"},"
          + "{\"name\":\"label\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
  private static final Schema V2 = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Acc\",\"fields\":[{\"name\":\"n\",\"type\":\"long\"},"
          + "{\"name\":\"label\",\"type\":[\"null\",\"string\"],\"default\":null},"
          + "{\"name\":\"sum\",\"type\":\"double\",\"default\":0.0}]}");

  private static <T> TypeSerializer<T> serializer(TypeInformation<T> info) {
    return info.createSerializer(new SerializerConfigImpl());
  }

  @Test
  void specificRecordsRoundTripBackToBackInOneBuffer() throws Exception {
    TypeSerializer<Reading> s = serializer(AvroTypes.specific(Reading.class));
    DataOutputSerializer out = new DataOutputSerializer(32);
    s.serialize(new Reading("a", 1.0, 1L), out);
    s.serialize(new Reading("b", 2.0, 2L), out);
    s.serialize(new Reading("c", 3.0, 3L), out);

    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());

    assertThat(s.deserialize(in)).isEqualTo(new Reading("a", 1.0, 1L));
    assertThat(s.deserialize(in)).isEqualTo(new Reading("b", 2.0, 2L));
    assertThat(s.deserialize(in)).isEqualTo(new Reading("c", 3.0, 3L));
    assertThat(in.available()).isZero();
  }

  @Test
  void copiesAreDeepAndIndependent() {
    TypeSerializer<Bid> s = serializer(AvroTypes.specific(Bid.class));
    Bid bid = new Bid(1L, 2L, 300L, "web", "u", 5L, "");

    Bid copy = s.copy(bid);
    copy.setPrice(1L);

    assertThat(bid.getPrice()).isEqualTo(300L);
    assertThat(AvroTypes.specific(Bid.class)).hasToString("Avro(io.baton.schemas.nexmark.Bid)");
  }

  @Test
  void genericRecordsWithNullFieldsRoundTrip() throws Exception {
    TypeSerializer<GenericRecord> s = serializer(AvroTypes.generic(V1));
    GenericRecord acc = new GenericData.Record(V1);
    acc.put("n", 5L);
    acc.put("label", null);
    DataOutputSerializer out = new DataOutputSerializer(16);

    s.serialize(acc, out);

    assertThat(s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(acc);
  }

  @Test
  void stateWrittenWithAnOldSchemaMigratesToACompatibleNewOne() throws Exception {
    TypeSerializer<GenericRecord> old = serializer(AvroTypes.generic(V1));
    GenericRecord acc = new GenericData.Record(V1);
    acc.put("n", 7L);
    acc.put("label", "x");
    DataOutputSerializer state = new DataOutputSerializer(16);
    old.serialize(acc, state);
    DataOutputSerializer snapshotBytes = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(snapshotBytes, old.snapshotConfiguration());
    TypeSerializerSnapshot<GenericRecord> restored = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(snapshotBytes.getCopyOfBuffer()), getClass().getClassLoader());

    TypeSerializerSchemaCompatibility<GenericRecord> verdict =
        serializer(AvroTypes.generic(V2)).snapshotConfiguration().resolveSchemaCompatibility(restored);
    GenericRecord read = restored.restoreSerializer().deserialize(new DataInputDeserializer(state.getCopyOfBuffer()));

    TypeSerializer<GenericRecord> current = serializer(AvroTypes.generic(V2));
    DataOutputSerializer migrated = new DataOutputSerializer(16);
    current.serialize(read, migrated);
    GenericRecord after = current.deserialize(new DataInputDeserializer(migrated.getCopyOfBuffer()));

    assertThat(verdict.isCompatibleAfterMigration()).isTrue();
    assertThat(read.get("n")).isEqualTo(7L);
    assertThat(after.get("n")).isEqualTo(7L);
    assertThat(after.get("label").toString()).isEqualTo("x");
    assertThat(after.get("sum")).isEqualTo(0.0);
    assertThat(serializer(AvroTypes.generic(V1)).snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs())
        .isTrue();
  }

  @Test
  void incompatibleSchemaChangeIsRefused() {
    Schema renamedType = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"Acc\",\"fields\":[{\"name\":\"n\",\"type\":\"string\"}]}");

    TypeSerializerSchemaCompatibility<GenericRecord> verdict = serializer(AvroTypes.generic(renamedType))
        .snapshotConfiguration().resolveSchemaCompatibility(serializer(AvroTypes.generic(V1)).snapshotConfiguration());

    assertThat(verdict.isIncompatible()).isTrue();
  }
}
