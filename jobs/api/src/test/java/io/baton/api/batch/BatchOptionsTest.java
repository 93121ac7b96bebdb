package io.baton.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.testrecords.Reading;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchOptionsTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static List<Batch> everyPolicy() {
    return List.of(Batch.each(), Batch.count(5), Batch.every(SECOND), Batch.sliding(SECOND, SECOND),
        Batch.session(SECOND), Batch.countOrTime(5, SECOND), Batch.bytes(5, SECOND));
  }

  @Test
  void keyedByWorksTheSameForEveryPolicy() {
    for (Batch plain : everyPolicy()) {
      Batch keyed = plain.keyedBy(Reading::getSensorId);
      assertThat(keyed.getClass()).isEqualTo(plain.getClass());
      assertThat(keyed.keyName()).contains("sensorId");
      assertThat(keyed.expression()).isEqualTo(plain.expression());
      assertThat(keyed).hasToString(plain + " keyedBy sensorId");
      assertThat(plain.keyed()).isFalse();
    }
  }

  @Test
  void onlyWindowsOfTimeAreTimeWindows() {
    assertThat(everyPolicy()).filteredOn(Batch::timeWindow).extracting(Batch::expression)
        .containsExactly("every(PT1S)", "sliding(PT1S, PT1S)", "session(PT1S)");
  }

  @Test
  void keyFunctionsAreComparedByName() {
    Batch a = Batch.count(5).keyedBy("sensor", (Reading r) -> r.getSensorId());
    Batch b = Batch.count(5).keyedBy("sensor", (Reading r) -> r.getSensorId().toString());
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Batch.count(5).keyedBy("other", (Reading r) -> r.getSensorId()));
  }

  @Test
  void theClockIsPartOfTheValue() {
    assertThat(Batch.every(SECOND).inProcessingTime()).isNotEqualTo(Batch.every(SECOND));
    assertThat(Batch.every(SECOND).inProcessingTime().inEventTime()).isEqualTo(Batch.every(SECOND));
  }

  @Test
  void matchCallsTheCaseOfThePolicy() {
    assertThat(everyPolicy()).extracting(b -> b.match(new Names())).containsExactly(
        "each", "count", "every", "sliding", "session", "countOrTime", "bytes");
  }

  @Test
  void everyPolicySurvivesJavaSerialization() throws Exception {
    for (Batch b : everyPolicy()) {
      Batch keyed = b.keyedBy(Reading::getSensorId);
      assertThat(roundTrip(keyed)).isEqualTo(keyed).hasToString(keyed.toString());
    }
  }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  private static final class Names implements Cases<String> {
    @Override public String each(Each b) { return "each"; }
    @Override public String count(Count b) { return "count"; }
    @Override public String every(Every b) { return "every"; }
    @Override public String sliding(Sliding b) { return "sliding"; }
    @Override public String session(Session b) { return "session"; }
    @Override public String countOrTime(CountOrTime b) { return "countOrTime"; }
    @Override public String bytes(Bytes b) { return "bytes"; }
  }
}
