package io.baton.connectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.internal.OutRecordSerializationSchema;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RunIdTest {

  @Test
  void runIdsSortByTheTimeTheRunStarted() {
    RunId earlier = RunId.at(Instant.parse("2026-12-05T05:12:03.457Z"), 0xffffffff);
    RunId later = RunId.at(Instant.parse("2026-12-05T05:12:03.458Z"), 0);

    assertThat(earlier).hasToString("20261205T051203.457Z-ffffffff");
    assertThat(later).hasToString("20261205T051203.458Z-00000000").isGreaterThan(earlier);
    assertThat(RunId.parse(earlier.toString())).isEqualTo(earlier);
    assertThat(RunId.next()).isNotEqualTo(RunId.next());
  }

  @Test
  void somethingElseIsNotARunId() {
    assertThatThrownBy(() -> RunId.parse("yesterday"))
        .hasMessage("not a run id: 'yesterday'; expected e.g. 20261205T051203.457Z-3f9a01c2");
  }

  @Test
  void headerFormIsTwelveBytesThatReadBackToTheSameId() {
    RunId run = RunId.parse("20261205T051203.457Z-3f9a01c2");
    RunId negative = RunId.at(Instant.parse("2026-12-05T05:12:03.457Z"), 0xfedcba98);

    assertThat(RunId.fromBytes(run.toBytes())).isEqualTo(run).hasToString("20261205T051203.457Z-3f9a01c2");
    assertThat(RunId.fromBytes(negative.toBytes())).isEqualTo(negative).hasToString("20261205T051203.457Z-fedcba98");
    assertThat(RunId.fromHeaders(List.of(Header.of(BatonHeaders.RUN, negative.toBytes()),
        Header.of(BatonHeaders.RUN, run.toBytes())))).contains(run);
    assertThat(RunId.fromHeaders(List.of(Header.ofString("x", "y")))).isEmpty();
    assertThatThrownBy(() -> RunId.fromBytes("20261205T051203.457Z-3f9a01c2".getBytes(UTF_8)))
        .hasMessage("not a run id: 29 bytes; expected 12 bytes (start millis, random part)");
  }

  @Test
  void aSinkOfARunStampsEveryRecordWithItAfterItsOwnHeaders() {
    RunId run = RunId.parse("20261205T051203.457Z-3f9a01c2");
    OutRecord letter = OutRecord.builder().value(new byte[1]).header(Header.ofString(BatonHeaders.RUN, "upstream run"))
        .header(Header.ofString(BatonHeaders.REASON, "late")).build();

    ProducerRecord<byte[], byte[]> out = new OutRecordSerializationSchema("t", run).serialize(letter, null, null);

    assertThat(out.headers().lastHeader(BatonHeaders.RUN).value()).hasSize(12).isEqualTo(run.toBytes());
    assertThat(out.headers().toArray()).hasSize(3);
    assertThat(new OutRecordSerializationSchema("t").serialize(letter, null, null).headers().toArray()).hasSize(2);
    assertThat(HandoffSink.builder().defaultTopic("out").exactlyOnce("p.s").run(run))
        .hasToString("HandoffSink.builder().defaultTopic(out).exactlyOnce(p.s).run(20261205T051203.457Z-3f9a01c2)");
  }
}
