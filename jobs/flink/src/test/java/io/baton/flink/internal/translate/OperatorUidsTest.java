package io.baton.flink.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.accept.Accept;
import io.baton.api.batch.Batch;
import io.baton.api.internal.PipelineGraph;
import io.baton.flink.job.StageSettings;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The uids the plan names as a stage's state shape are the uids its streaming job's operators get. */
class OperatorUidsTest {
  static final class Stages implements PipelineDefinition {
    static Summary summarize(String sensor, List<Reading> rs) {
      return new Summary(sensor, 0L, 0L, rs.size(), 0.0, 0.0, 0.0);
    }

    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("uids");
      Stage<Reading> copy = p.source("copy", Topic.of("uids.in", Reading.class)
          .eventTime(Reading::getTimestamp, Duration.ofSeconds(5))
          .accept(Accept.<Reading>schema().rateLimitPerKey(Reading::getSensorId, 5, Duration.ofSeconds(1))));
      p.stage("per-minute", copy, Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId), Stages::summarize);
      p.stage("per-ten", copy, Batch.count(10), Stages::summarize);
      return p;
    }
  }

  private static final PipelineGraph GRAPH = new Stages().define().build();

  private static List<String> jobUids(String stage) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StageTopology.build(env, GRAPH.name(), GRAPH.stage(stage), StageSettings.of("127.0.0.1:9", "http://127.0.0.1:9"));
    return env.getStreamGraph().getStreamNodes().stream().map(StreamNode::getTransformationUID)
        // A sink's committer gets a uid Flink derives from the sink's: "Sink Committer: <uid>".
        .filter(Objects::nonNull).filter(u -> !u.startsWith("Sink Committer: ")).distinct().toList();
  }

  @Test
  void everyStageShapeNamesExactlyTheUidsItsJobHas() {
    for (String stage : List.of("copy", "per-minute", "per-ten")) {
      assertThat(jobUids(stage)).as(stage).containsExactlyInAnyOrderElementsOf(OperatorUids.of(GRAPH.stage(stage)));
    }
  }
}
