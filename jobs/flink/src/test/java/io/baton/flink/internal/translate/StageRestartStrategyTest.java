package io.baton.flink.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.Pipeline;
import io.baton.api.PipelineDefinition;
import io.baton.api.Topic;
import io.baton.api.internal.PipelineGraph;
import io.baton.flink.job.StageSettings;
import io.baton.schemas.sensor.Reading;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** A streaming stage restarts for as long as it fails (a long registry outage), unless the cluster says otherwise. */
class StageRestartStrategyTest {
  static final class Copy implements PipelineDefinition {
    @Override
    public Pipeline define() {
      Pipeline p = Pipeline.named("restart-test");
      p.source("copy", Topic.of("sensors.readings", Reading.class));
      return p;
    }
  }

  private static final PipelineGraph GRAPH = new Copy().define().build();

  @Test
  void aStreamingStageRestartsWithExponentialDelayAndNoAttemptLimit() {
    Configuration job = jobConfiguration(new Configuration());

    assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS)).isEqualTo(Integer.MAX_VALUE);
    assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aRestartStrategyTheClusterConfiguresIsKept() {
    Configuration cluster = new Configuration();
    cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    cluster.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 7);

    Configuration job = jobConfiguration(cluster);

    assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
    assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS)).isEqualTo(7);
  }

  /** What the job graph carries to the cluster. */
  private static Configuration jobConfiguration(Configuration cluster) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(cluster);
    StageTopology.build(env, GRAPH.name(), GRAPH.stage("copy"), StageSettings.of("127.0.0.1:9", "http://127.0.0.1:9"));
    return env.getStreamGraph().getJobGraph().getJobConfiguration();
  }
}
