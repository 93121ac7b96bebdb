package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class AccumulationSerializerTest {

  /** A user accumulator as a record class. */
  record Running(long count, double sum) implements Serializable {}

  /** A key that is neither String, Long nor Integer. */
  record Pair(String a, int b) implements Serializable {}

  private static Accumulation accumulation(Object user, Object typedKey) {
    Accumulation acc = new Accumulation(user);
    acc.typedKey = typedKey;
    acc.key = String.valueOf(typedKey);
    acc.earliest = 1_000;
    acc.newest = 9_000;
    acc.count = 4;
    for (long o : new long[] {5, 6, 7, 12}) {
      acc.inputs.add("bids", 0, o);
    }
    acc.inputs.add("bids", 2, 3);
    return acc;
  }

  private static Accumulation roundTrip(Accumulation acc) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    AccumulationSerializer.INSTANCE.serialize(acc, out);
    return AccumulationSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  @Test
  void roundTripKeepsAccumulatorKeyTimesCountAndInputs() throws IOException {
    for (Object key : new Object[] {null, "sensor-1", 42L, 7, new Pair("x", 1)}) {
      Accumulation back = roundTrip(accumulation(new Running(4, 81.5), key));
      assertThat(back.user).isEqualTo(new Running(4, 81.5));
      assertThat(back.typedKey).isEqualTo(key);
      assertThat(back.key).isEqualTo(String.valueOf(key));
      assertThat(back.earliest).isEqualTo(1_000);
      assertThat(back.newest).isEqualTo(9_000);
      assertThat(back.count).isEqualTo(4);
      assertThat(back.inputs.inputs().encode()).isEqualTo("bids:0:5-7,12;bids:2:3");
    }
  }

  @Test
  void restoredInputsStillGrow() throws IOException {
    Accumulation back = roundTrip(accumulation(new long[] {4}, null));
    back.inputs.add("bids", 0, 13);
    back.inputs.add("bids", 0, 8);
    assertThat(back.inputs.inputs().encode()).isEqualTo("bids:0:5-8,12-13;bids:2:3");
    assertThat((long[]) back.user).containsExactly(4);
  }

  @Test
  void copyIsDeep() {
    Accumulation acc = accumulation(new long[] {1}, "k");
    Accumulation copy = AccumulationSerializer.INSTANCE.copy(acc);
    ((long[]) acc.user)[0] = 99;
    acc.inputs.add("bids", 0, 8);
    assertThat((long[]) copy.user).containsExactly(1);
    assertThat(copy.inputs.inputs().encode()).isEqualTo("bids:0:5-7,12;bids:2:3");
  }

  @Test
  void accumulatorThatCannotBeSerializedFailsWithItsClass() {
    assertThatThrownBy(() -> roundTrip(accumulation(new Object(), null)))
        .isInstanceOf(IOException.class).hasMessageContaining("java.lang.Object is not Serializable");
  }

  @Test
  void snapshotRestoresTheSameSerializer() throws IOException {
    TypeSerializerSnapshot<Accumulation> snapshot = AccumulationSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<Accumulation> read = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    TypeSerializer<Accumulation> restored = read.restoreSerializer();
    assertThat(restored).isSameAs(AccumulationSerializer.INSTANCE);
    assertThat(AccumulationSerializer.TYPE.createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl()))
        .isSameAs(AccumulationSerializer.INSTANCE);
  }
}
