package io.baton.connectors;

import io.baton.connectors.internal.OutRecordSerializationSchema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class HandoffBuildersTest {

  @Test
  void sourceReportsEveryMissingSettingTogether() {
    assertThatThrownBy(() -> HandoffSource.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("HandoffSource is incomplete: call bootstrapServers(servers); call topics(names...) with at least one"
            + " topic; call groupId(id)");
  }

  @Test
  void sourceRefusesToReadUncommitted() {
    assertThatThrownBy(() -> HandoffSource.builder().bootstrapServers("b:1").topics("t").groupId("g")
        .property("isolation.level", "read_uncommitted").build())
        .hasMessage("HandoffSource is incomplete: isolation.level must stay read_committed for handoffs, got 'read_uncommitted'");
  }

  @Test
  void boundedSourceIsBounded() {
    assertThat(HandoffSource.builder().bootstrapServers("b:1").topics("t").groupId("g").bounded().build().getBoundedness())
        .isEqualTo(Boundedness.BOUNDED);
    assertThat(HandoffSource.builder().bootstrapServers("b:1").topics("t").groupId("g").build().getBoundedness())
        .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
  }

  @Test
  void sinkNeedsADeliveryChoice() {
    assertThatThrownBy(() -> HandoffSink.builder().bootstrapServers("b:1").build())
        .hasMessage("HandoffSink is incomplete: call exactlyOnce(transactionalIdPrefix) or atLeastOnce()");
    assertThatThrownBy(() -> HandoffSink.builder().exactlyOnce(" ").transactionTimeout(Duration.ZERO).build())
        .hasMessage("HandoffSink is incomplete: call bootstrapServers(servers); exactlyOnce needs a non-blank transactional"
            + " id prefix, got ' '; transactionTimeout must be positive, got PT0S");
  }

  @Test
  void sinkBuilderToStringShowsTheExpression() {
    assertThat(HandoffSink.builder().defaultTopic("out").exactlyOnce("p.s"))
        .hasToString("HandoffSink.builder().defaultTopic(out).exactlyOnce(p.s)");
  }

  @Test
  void outRecordBecomesAProducerRecordOnItsOwnOrTheDefaultTopic() {
    OutRecordSerializationSchema schema = new OutRecordSerializationSchema("default-out");
    OutRecord plain = OutRecord.builder().key("k".getBytes(UTF_8)).value("v".getBytes(UTF_8))
        .header(Header.ofString("h", "1")).timestamp(123).build();

    ProducerRecord<byte[], byte[]> a = schema.serialize(plain, null, null);
    ProducerRecord<byte[], byte[]> b = schema.serialize(plain.withTopic("elsewhere"), null, null);

    assertThat(a.topic()).isEqualTo("default-out");
    assertThat(a.timestamp()).isEqualTo(123L);
    assertThat(a.partition()).isNull();
    assertThat(a.headers().lastHeader("h").value()).isEqualTo("1".getBytes(UTF_8));
    assertThat(b.topic()).isEqualTo("elsewhere");
    assertThat(schema.serialize(OutRecord.builder().value(new byte[0]).build(), null, null).timestamp()).isNull();
  }

  @Test
  void recordWithoutAnyTopicIsAnError() {
    OutRecordSerializationSchema schema = new OutRecordSerializationSchema(null);

    assertThatThrownBy(() -> schema.serialize(OutRecord.builder().value(new byte[1]).build(), null, null))
        .hasMessage("OutRecord[<default topic>, 1 bytes, 0 headers] has no topic and the sink has no default topic:"
            + " call topic(name) on the record or defaultTopic(name) on HandoffSink.builder()");
  }

  @Test
  void outRecordBuilderNeedsAValue() {
    assertThatThrownBy(() -> OutRecord.builder().key(new byte[1]).build())
        .hasMessage("OutRecord.builder() is incomplete: call value(bytes)");
    assertThatThrownBy(() -> KafkaRecord.builder().partition(-1).build())
        .hasMessage("KafkaRecord.builder() is incomplete: call topic(name); partition must not be negative, got -1");
  }
}
