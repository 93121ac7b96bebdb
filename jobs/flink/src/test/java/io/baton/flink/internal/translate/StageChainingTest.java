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
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A stage's main path runs as one task wherever no key-by splits it: dead letters have a sink of their own,
 * so the handoff sink has one input and chains with the operator before it.
 */
class StageChainingTest {

  /** A pass-through source stage, and an event-time window stage after it (which has late dead letters). */
  static final class Stages implements PipelineDefinition {
    static Summary summarize(String sensor, List<Reading> rs) {
      return new Summary(sensor, 0L, 0L, rs.size(), 0.0, 0.0, 0.0);
    }

    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("chain-test");
      Stage<Reading> copy = p.source("copy", Topic.of("sensors.readings", Reading.class)
          .eventTime(Reading::getTimestamp, Duration.ofSeconds(5)).accept(Accept.schema()));
      p.stage("per-minute", copy, Batch.every(Duration.ofMinutes(1)).keyedBy(Reading::getSensorId),
          Stages::summarize);
      return p;
    }
  }

  private static final PipelineGraph GRAPH = new Stages().define().build();

  @Test
  void aBoundedPassThroughIsOneTaskFromSourceToHandoff() {
    List<String> vertices = vertices(jobGraph("copy", true));
    // In BATCH mode Flink runs each sink's committer as a task of its own; it is fed one committable per sink, not records.
    assertThat(vertices.stream().filter(v -> !isCommitter(v)).toList())
        .as("job vertices of the bounded pass-through that records pass through: %s", vertices).hasSize(1);
    assertMainPathInOneVertex(vertices, "Source: read sensors.readings", "accept", "hand on",
        "handoff → chain-test.copy: Writer");
  }

  @Test
  void aStreamingPassThroughIsOneTaskFromSourceToHandoff() {
    List<String> vertices = vertices(jobGraph("copy", false));
    assertThat(vertices).as("job vertices of the streaming pass-through: %s", vertices).hasSize(1);
    assertMainPathInOneVertex(vertices, "Source: read sensors.readings", "accept", "hand on",
        "handoff → chain-test.copy: Writer", "handoff → chain-test.copy: Committer");
  }

  @Test
  void deadLettersGoToASinkOfTheirOwn() {
    List<String> vertices = vertices(jobGraph("copy", true));
    assertThat(vertices).as("job vertices: %s", vertices)
        .anySatisfy(v -> assertThat(v).contains("dead letters → chain-test.copy.dead-letter"));
  }

  @Test
  void aWindowStageHandsOffFromTheWindowsTaskAndSendsRejectsAndLateRecordsToTheirOwnSink() {
    List<String> vertices = vertices(jobGraph("per-minute", false));
    assertThat(vertices).as("job vertices of the window stage: %s", vertices).hasSize(3);
    assertMainPathInOneVertex(vertices, "Source: read chain-test.copy", "accept");
    assertMainPathInOneVertex(vertices, "batch every(PT1M)", "handoff → chain-test.per-minute: Writer");
    // Rejects (from the accept task) and late records (from the window's) meet in the dead-letter sink's own task.
    assertThat(vertices.get(2)).as("job vertices %s", vertices)
        .startsWith("dead letters → chain-test.per-minute.dead-letter: Writer").doesNotContain("handoff");
  }

  private static void assertMainPathInOneVertex(List<String> vertices, String... operators) {
    assertThat(vertices).as("job vertices %s: one must hold all of %s", vertices, List.of(operators))
        .anySatisfy(v -> assertThat(v).contains(operators));
  }

  private static boolean isCommitter(String vertex) {
    return vertex.endsWith(": Committer") && !vertex.contains(" -> ");
  }

  private static JobGraph jobGraph(String stage, boolean bounded) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StageTopology.build(env, GRAPH.name(), GRAPH.stage(stage),
        StageSettings.of("127.0.0.1:9", "http://127.0.0.1:9").bounded(bounded));
    return env.getStreamGraph().getJobGraph();
  }

  private static List<String> vertices(JobGraph graph) {
    List<String> names = new ArrayList<>();
    for (JobVertex v : graph.getVerticesSortedTopologicallyFromSources()) {
      names.add(v.getName());
    }
    return names;
  }
}
