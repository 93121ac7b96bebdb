package io.baton.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

  @Test
  void headersRoundTrip() {
    Provenance p = Provenance.of("sensor-story", "per-minute", "3", InputOffsets.decode("sensors.readings:0:0-99"));

    List<Header> headers = p.toHeaders();

    assertThat(headers).extracting(Header::toString).containsExactly(
        "baton.pipeline=sensor-story", "baton.stage=per-minute", "baton.stage.version=3",
        "baton.inputs=sensors.readings:0:0-99");
    assertThat(Provenance.fromHeaders(headers)).hasValue(p);
  }

  @Test
  void lastOccurrenceWinsWhenHeadersRepeat() {
    List<Header> headers = new ArrayList<>(Provenance.of("p", "old", "1", InputOffsets.decode("a:0:1")).toHeaders());
    headers.addAll(Provenance.of("p", "new", "2", InputOffsets.decode("b:0:2")).toHeaders());

    assertThat(Provenance.fromHeaders(headers)).get().satisfies(p -> {
      assertThat(p.stage()).isEqualTo("new");
      assertThat(p.inputs().encode()).isEqualTo("b:0:2");
    });
  }

  @Test
  void recordWithoutProvenanceHasNone() {
    assertThat(Provenance.fromHeaders(List.of(Header.ofString("x", "y")))).isEmpty();
  }

  @Test
  void blankNamesAreReportedTogether() {
    assertThatThrownBy(() -> Provenance.of("", "s", " ", InputOffsets.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid Provenance: pipeline must not be blank, got ''; stageVersion must not be blank, got ' '");
  }
}
