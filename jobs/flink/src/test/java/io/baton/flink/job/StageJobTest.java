package io.baton.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.flink.deploy.Target;
import io.baton.schemas.registry.RegistryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
