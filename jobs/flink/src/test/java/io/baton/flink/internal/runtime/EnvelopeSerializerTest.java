package io.baton.flink.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.BatonHeaders;
import io.baton.connectors.DeadLetter;
import io.baton.connectors.DeadLetterReason;
import io.baton.connectors.Header;
import io.baton.connectors.KafkaRecord;
import io.baton.connectors.OutRecord;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.SchemaRegistry;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.wire.WireEncoder;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvelopeSerializerTest {
  private static final String SCOPE = "envelope-serializer-test";
  private static final RegistryConfig REGISTRY = RegistryConfig.inMemory(SCOPE);
  private static final Reading READING = new Reading("s-1", 21.5, 1_000L);

  private SchemaRegistry registry;
  private byte[] produced;

  @BeforeEach
  void encodeAReading() {
    registry = SchemaRegistry.connect(REGISTRY);
    int id = registry.register("sensors.readings-value", Reading.getClassSchema());
    produced = WireEncoder.forSpecific(Reading.class, id).encode(READING);
  }

  @AfterEach
  void dropRegistry() {
    registry.close();
    SchemaRegistry.dropInMemory(SCOPE);
  }

  private KafkaRecord read() {
    return KafkaRecord.builder().topic("sensors.readings").partition(2).offset(41).timestamp(1_000L)
        .key("s-1".getBytes()).value(produced.clone()).header(Header.ofString("trace", "t-9")).build();
  }

  private static Envelope roundTrip(Envelope e) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    EnvelopeSerializer.INSTANCE.serialize(e, out);
    return EnvelopeSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  private Envelope accepted() {
    Envelope e = new Envelope(1, "s-1", 1_000L, read(), READING);
    e.rateKey = "rate-s-1";
    return e;
  }

  @Test
  void aRoundTripKeepsSideKeysTimeAndTheRecordButNotTheDecodedValue() throws Exception {
    Envelope back = roundTrip(accepted());

    assertThat(back).isEqualTo(accepted());
    assertThat(back.side).isEqualTo(1);
    assertThat(back.key).isEqualTo("s-1");
    assertThat(back.rateKey).isEqualTo("rate-s-1");
    assertThat(back.timestamp).isEqualTo(1_000L);
    assertThat(back.record.headers()).containsExactly(Header.ofString("trace", "t-9"));
    assertThat(back.record.value()).isEqualTo(produced);
    assertThat(back.decoded()).isNull();
  }

  @Test
  void theDecodedValueIsUsedWhereCarriedAndDecodedFromTheBytesAfterAnExchange() throws Exception {
    InputReaders readers = new InputReaders(List.of(Reading.class, Reading.class), REGISTRY);
    readers.open();
    try {
      Envelope carried = accepted();
      assertThat(readers.decode(carried)).isSameAs(carried.decoded());
      Object decoded = readers.decode(roundTrip(accepted()));
      assertThat(decoded).isEqualTo(READING).isNotSameAs(READING);
    } finally {
      readers.close();
    }
  }

  @Test
  void aLateDeadLetterAfterAnExchangeCarriesTheBytesAsProduced() throws Exception {
    DeadLetterOutput rejects = DeadLetterOutput.of(DeadLetter.forStage("p", "windows", "p.windows.dead-letter"));

    OutRecord letter = rejects.record(roundTrip(accepted()).record, DeadLetterReason.late(), "behind the watermark");

    assertThat(letter.value()).isEqualTo(produced);
    assertThat(letter.lastHeader(BatonHeaders.SOURCE_OFFSET)).hasValue("41");
  }

  @Test
  void aCopySharesTheDecodedValueAndAStreamCopyEqualsTheOriginal() throws Exception {
    Envelope copy = EnvelopeSerializer.INSTANCE.copy(accepted());
    assertThat(copy).isEqualTo(accepted());
    assertThat(copy.decoded()).isSameAs(READING);

    DataOutputSerializer original = new DataOutputSerializer(64);
    EnvelopeSerializer.INSTANCE.serialize(accepted(), original);
    DataOutputSerializer copied = new DataOutputSerializer(64);
    EnvelopeSerializer.INSTANCE.copy(new DataInputDeserializer(original.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(original.getCopyOfBuffer());
  }

  @Test
  void flinkFindsTheSerializerWithoutPojoReflectionOrKryo() {
    assertThat(TypeInformation.of(Envelope.class)).isSameAs(Envelope.Types.TYPE_INFO);
    assertThat(TypeInformation.of(Envelope.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(EnvelopeSerializer.INSTANCE);
  }
}
