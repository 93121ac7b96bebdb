package io.baton.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.PipelineDefinition;
import io.baton.api.internal.StageSpec;
import io.baton.api.fn.BatchWindow;
import io.baton.api.fn.StageFunction;
import io.baton.examples.sensor.Summaries;
import io.baton.examples.nexmark.HighestBid;
import io.baton.examples.nexmark.HotItems;
import io.baton.examples.sensor.SensorStory;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a stage runs travels to Flink task managers by Java serialization; every example's must survive it. */
class PipelinesSerializeTest {

  @Test
  void everyStagesFunctionPoliciesAndTimestampsSurviveJavaSerialization() throws Exception {
    int trips = 0;
    for (PipelineDefinition definition : List.of(new SensorStory(), new HighestBid(), new HotItems())) {
      for (StageSpec stage : definition.define().build().stages()) {
        assertThat(roundTrip(stage.batch())).hasToString(stage.batch().toString());
        assertThat(roundTrip(stage.accept())).hasToString(stage.accept().toString());
        if (stage.function().isPresent()) {
          assertThat(roundTrip(stage.function().get()).label()).isEqualTo(stage.function().get().label());
          trips++;
        }
        if (stage.eventTime().flatMap(StageSpec.EventTime::timestamp).isPresent()) {
          roundTrip(stage.eventTime().get().timestamp().get());
          trips++;
        }
      }
    }
    // Three sources with timestamps and five stage functions.
    assertThat(trips).isEqualTo(8);
  }

  @Test
  @SuppressWarnings("unchecked")
  void functionsStillWorkAfterTheTrip() throws Exception {
    StageSpec perMinute = new SensorStory().define().build().stage("per-minute");
    var summarise = (StageFunction.Aggregate<String, Reading, Summaries.Running, Summary>)
        roundTrip(perMinute.function().orElseThrow());
    var agg = summarise.aggregation();

    assertThat(agg.result("s", new BatchWindow(60_000L, 120_000L),
        agg.add(agg.createAccumulator(), new Reading("s", 12.0, 60_000L))))
        .isEqualTo(new Summary("s", 60_000L, 120_000L, 1, 12.0, 12.0, 12.0));
    // The accumulator goes into Flink state with Java serialization.
    assertThat(roundTrip(agg.add(agg.createAccumulator(), new Reading("s", 12.0, 60_000L))))
        .isEqualTo(new Summaries.Running(1, 12.0, 12.0, 12.0));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Serializable> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
