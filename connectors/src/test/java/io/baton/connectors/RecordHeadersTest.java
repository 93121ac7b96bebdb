package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.internal.OutRecordSerializationSchema;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Headers on the way in (consumer record → KafkaRecord) and out (OutRecord → producer record), in order. */
class RecordHeadersTest {

  private static ConsumerRecord<byte[], byte[]> consumed(RecordHeaders headers) {
    return new ConsumerRecord<>("in", 1, 7L, 1_000L, TimestampType.CREATE_TIME, 1, 2, "k".getBytes(UTF_8),
        "v".getBytes(UTF_8), headers, Optional.empty());
  }

  @Test
  void aConsumedRecordKeepsItsHeadersInOrderReadOnly() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader("a", "1".getBytes(UTF_8)));
    headers.add(new RecordHeader("a", "2".getBytes(UTF_8)));
    headers.add(new RecordHeader("none", null));

    KafkaRecord record = KafkaRecord.from(consumed(headers));

    assertThat(record.headers()).containsExactly(Header.ofString("a", "1"), Header.ofString("a", "2"),
        Header.of("none", null));
    assertThat(record.lastHeader("a")).hasValue("2");
    assertThatThrownBy(() -> record.headers().add(Header.ofString("b", "3")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(KafkaRecord.from(consumed(new RecordHeaders())).headers()).isEmpty();
  }

  @Test
  void aBuilderUsedAgainAfterBuildDoesNotChangeWhatItBuilt() {
    OutRecord.Builder builder = OutRecord.builder().value(new byte[] {1}).headers(List.of(Header.ofString("a", "1")));
    OutRecord first = builder.build();

    OutRecord second = builder.header(Header.ofString("b", "2")).build();

    assertThat(first.headers()).containsExactly(Header.ofString("a", "1"));
    assertThat(second.headers()).containsExactly(Header.ofString("a", "1"), Header.ofString("b", "2"));
    assertThatThrownBy(() -> first.headers().add(Header.ofString("c", "3")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aProducerRecordCarriesTheRecordsHeadersThenTheRunsOnEveryRecord() {
    RunId run = RunId.at(java.time.Instant.parse("2026-12-05T07:23:00Z"), 42);
    OutRecordSerializationSchema schema = new OutRecordSerializationSchema("out", run);
    OutRecord record = OutRecord.builder().value(new byte[] {1})
        .header(Header.ofString("a", "1")).header(Header.ofString("b", "2")).build();

    for (int i = 0; i < 2; i++) {
      ProducerRecord<byte[], byte[]> out = schema.serialize(record, null, null);
      assertThat(out.headers().toArray()).extracting(h -> h.key() + "=" + (h.key().equals(BatonHeaders.RUN)
          ? RunId.fromBytes(h.value()) : new String(h.value(), UTF_8)))
          .containsExactly("a=1", "b=2", BatonHeaders.RUN + "=" + run);
    }
    assertThat(record.headers()).hasSize(2);
  }
}
