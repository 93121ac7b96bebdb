package io.baton.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.KafkaClientConfig;
import io.baton.connectors.OffsetRanges;
import io.baton.connectors.RunId;
import io.baton.flink.deploy.BoundedStep;
import io.baton.flink.deploy.Target;
import io.baton.flink.deploy.TopicDefaults;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageJobTest {
  @TempDir
  Path jobFiles;

  @Test
  void aStageJobConnectsWithTheCredentialsItsDeployerWroteForIt() {
    RegistryConfig registry = RegistryConfig.of("http://r:8085/apis/ccompat/v7").withBasicAuth("baton", "s3cret");
    Target target = new Target("k:9092", registry, "", "750ms", jobFiles);
    List<String> args = new ArrayList<>(List.of("--definition", "x.Y", "--stage", "s"));
    args.addAll(target.jobArgs(target.registryForJobs("p"), false));

    StageSettings settings = StageJob.settings(StageJob.parse(args.toArray(String[]::new)));

    assertThat(settings.registry().clientProperties()).isEqualTo(registry.clientProperties());
    assertThat(settings.registry().properties()).isEmpty();
    assertThat(settings.bootstrapServers()).isEqualTo("k:9092");
    assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.bounded()).isFalse();
  }

  @Test
  void aStageJobConnectsToKafkaWithTheSettingsItsDeployerWroteForIt() {
    KafkaClientConfig kafka = KafkaClientConfig.of("k:9093").withProperty("client.id", "shared-baton");
    Target target = new Target(kafka, RegistryConfig.of("http://r:8085"), "", "2s", jobFiles, TopicDefaults.brokerDefaults());
    List<String> args = new ArrayList<>(List.of("--definition", "x.Y", "--stage", "s"));
    args.addAll(target.jobArgs(target.kafkaForJobs("p"), target.registryForJobs("p"), false));

    StageSettings settings = StageJob.settings(StageJob.parse(args.toArray(String[]::new)));

    assertThat(settings.kafka().clientProperties()).isEqualTo(Map.of("client.id", "shared-baton"));
    assertThat(settings.kafka().properties()).isEmpty();
    assertThat(settings.bootstrapServers()).isEqualTo("k:9093");
  }

  @Test
  void aJobOfABoundedRunGetsItsRunAndTheHandoffRangesItReads() {
    RunId run = RunId.parse("20261205T051203.457Z-3f9a01c2");
    BoundedStep step = new BoundedStep(run, Map.of("per-minute", OffsetRanges.parse("sensor-story.readings:0:372-744")));
    Target target = new Target("k:9092", RegistryConfig.of("http://r:8085"), "", "2s", jobFiles);
    List<String> args = new ArrayList<>(target.jobArgs(target.registryForJobs("p"), true));
    args.addAll(step.jobArgs("per-minute"));

    StageSettings settings = StageJob.settings(StageJob.parse(args.toArray(String[]::new)));

    assertThat(step.jobArgs("per-minute")).containsExactly("--run-id", "20261205T051203.457Z-3f9a01c2",
        "--input-offsets", "sensor-story.readings:0:372-744");
    assertThat(step.jobArgs("readings")).as("a source stage reads its outside topic whole")
        .containsExactly("--run-id", "20261205T051203.457Z-3f9a01c2");
    assertThat(settings.bounded()).isTrue();
    assertThat(settings.run()).contains(run);
    assertThat(settings.inputRanges()).hasToString("sensor-story.readings:0:372-744");
    assertThat(step.settings(StageSettings.of("k:9092", "http://r:8085"), "per-minute")).isEqualTo(settings
        .checkpointInterval(Duration.ofSeconds(2)));
  }

  @Test
  void aStreamingJobHasNoRunAndNoRanges() {
    StageSettings settings = StageJob.settings(StageJob.parse(new String[] {"--bootstrap-servers", "k:9092",
        "--registry-url", "http://r:8085"}));
    assertThat(settings.run()).isEmpty();
    assertThat(settings.inputRanges().isEmpty()).isTrue();
  }
}
