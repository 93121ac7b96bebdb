package io.baton.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.Stage;
import io.baton.api.Topic;
import io.baton.api.batch.Batch;
import io.baton.api.internal.PipelineGraph;
import io.baton.flink.internal.translate.StageTopology;
import io.baton.schemas.sensor.Reading;
import io.baton.schemas.sensor.Summary;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** A start without state renames the stateful operators' uids and keeps the source's and the sinks'. */
class RenewStateTest {
  static Summary summarize(String sensor, List<Reading> rs) {
    return new Summary(sensor, 0L, 0L, rs.size(), 0.0, 0.0, 0.0);
  }

  private static List<String> uids(int generation) {
    Pipeline p = Pipeline.named("renew");
    Stage<Reading> in = p.source("in", Topic.of("renew.readings", Reading.class).eventTime(Reading::getTimestamp, Duration.ZERO));
    p.stage("per-minute", in, Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId), RenewStateTest::summarize);
    PipelineGraph graph = p.build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StageTopology.build(env, graph.name(), graph.stage("per-minute"), StageSettings.of("127.0.0.1:9", "http://127.0.0.1:9"));
    StageJob.renewState(env, generation);
    return env.getStreamGraph().getStreamNodes().stream().map(StreamNode::getTransformationUID)
        .filter(Objects::nonNull).distinct().toList();
  }

  @Test
  void generationZeroKeepsEveryUid() {
    assertThat(uids(0)).contains("source", "accept", "batch", "late", "handoff", "dead-letters");
  }

  @Test
  void aNewGenerationRenamesWindowsAndLimitsButNotTheSourceOrTheSinks() {
    assertThat(uids(2)).contains("source", "accept-g2", "batch-g2", "late-g2", "handoff", "dead-letters",
        "Sink Committer: handoff").doesNotContain("batch", "accept", "late");
  }
}
