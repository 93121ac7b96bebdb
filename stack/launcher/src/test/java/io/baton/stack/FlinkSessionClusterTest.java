package io.baton.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkSessionClusterTest {
  private final StackConfig config = StackConfig.builder()
      .repo(Path.of("/repo")).home(Path.of("/state")).ports(Ports.of(19092, 19093, 18085, 18081, 16123)).build();
  private final FlinkSessionCluster flink = new FlinkSessionCluster(config);
  private final FlinkMemoryParams memory = FlinkMemoryParams.parse(
      "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx100 -Xms100\nBASH_JAVA_UTILS_EXEC_RESULT:-D a.b=1b -D c=2b\n");

  @Test
  void configYamlIsNestedAndBindsEverythingToLoopback() {
    String yaml = FlinkSessionCluster.configYaml(config);
    assertThat(yaml).contains("""
        jobmanager:
          rpc:
            address: '127.0.0.1'
            port: 16123
          bind-host: '127.0.0.1'
          memory:
            process:
              size: '1024m'
        taskmanager:
          bind-host: '127.0.0.1'
          host: '127.0.0.1'
          numberOfTaskSlots: 8
          memory:
            process:
              size: '1728m'
        rest:
          address: '127.0.0.1'
          bind-address: '127.0.0.1'
          port: 18081
        """);
  }

  @Test
  void completedCheckpointsAndSavepointsLiveUnderTheStateFolderAndOutliveCancelAndShutdown() {
    assertThat(FlinkSessionCluster.configYaml(config)).contains("""
        execution:
          checkpointing:
            dir: 'file:///state/flink/checkpoints'
            num-retained: 3
            savepoint-dir: 'file:///state/flink/savepoints'
            externalized-checkpoint-retention: 'RETAIN_ON_CANCELLATION'
          job-status-changed-listeners: 'io.baton.stack.lineage.StageEndEventsFactory'
        cluster:
          registration:
            error-delay: '1 s'
        """);
  }

  @Test
  void theJobManagerAppendsStreamingStageJobsEndEventsToTheStacksLineageFile() {
    assertThat(FlinkSessionCluster.configYaml(config)).contains("""
        baton:
          lineage:
            file: '/state/lineage/openlineage.jsonl'
            namespace: 'baton'
        """);
  }

  @Test
  void uploadsBlobsAndTempFilesStayUnderTheStateFolder() {
    assertThat(FlinkSessionCluster.configYaml(config)).contains("""
        web:
          upload:
            dir: '/state/flink/jars'
          tmpdir: '/state/flink/tmp'
        blob:
          storage:
            directory: '/state/flink/blobs'
        io:
          tmp:
            dirs: '/state/flink/tmp'
        """);
  }

  @Test
  void everyFolderFlinkWritesIsUnderTheStateFolder() {
    assertThat(FlinkSessionCluster.settings(config)).allSatisfy((key, value) -> {
      if (key.matches(".*(dir|dirs|directory|tmpdir)$")) {
        assertThat(value.replaceFirst("^file://", "")).as(key).startsWith("/state/");
      }
    });
  }

  @Test
  void writeConfigEmptiesScratchFoldersButKeepsCheckpoints(@TempDir Path home) throws Exception {
    StackLayout layout = StackLayout.at(home);
    Path checkpoint = layout.checkpoints().resolve("job-1/chk-7/_metadata");
    Files.createDirectories(checkpoint.getParent());
    Files.writeString(checkpoint, "m");
    for (Path scratch : List.of(layout.uploadedJars(), layout.flinkBlobs(), layout.flinkTmp())) {
      Files.createDirectories(scratch.resolve("left/over"));
      Files.writeString(scratch.resolve("left/over/file"), "x");
    }
    new FlinkSessionCluster(StackConfig.builder().repo(Path.of("/repo")).home(home).build()).writeConfig();
    assertThat(checkpoint).hasContent("m");
    assertThat(layout.flinkConf().resolve("config.yaml")).content().contains("RETAIN_ON_CANCELLATION");
    assertThat(layout.uploadedJars()).isEmptyDirectory();
    assertThat(layout.flinkBlobs()).isEmptyDirectory();
    assertThat(layout.flinkTmp()).isEmptyDirectory();
  }

  @Test
  void taskSlotsFollowTheConfig() {
    StackConfig two = StackConfig.builder().repo(Path.of("/repo")).taskSlots(2).build();
    assertThat(FlinkSessionCluster.configYaml(two)).contains("  numberOfTaskSlots: 2\n");
  }

  @Test
  void taskManagerCommandHasMarkerFirstThenHeapFlagsOpensAndDynamicArgs() {
    JavaCommand cmd = flink.serverCommand(Component.TASKMANAGER, FlinkSessionCluster.TASKMANAGER_MAIN, memory);
    assertThat(cmd.toList()).containsSubsequence("-Dbaton.component=taskmanager", "-Dbaton.home=/state",
        "-Dlog.file=/state/logs/taskmanager.log", "-Djava.io.tmpdir=/state/flink/tmp",
        "-Dlog4j.configurationFile=/state/flink/conf/log4j-console.properties",
        "-Xmx100", "-Xms100", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "-cp", "/repo/stack/flink-runtime/target/lib/*",
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", "/state/flink/conf",
        "-D", "a.b=1b", "-D", "c=2b");
    assertThat(cmd.toList()).containsAll(FlinkJvmOptions.OPENS);
    assertThat(cmd.toList().subList(0, 3)).endsWith("-Dbaton.component=taskmanager", "-Dbaton.home=/state");
  }

  @Test
  void jobManagerRunsTheStandaloneSessionEntrypoint() {
    JavaCommand cmd = flink.serverCommand(Component.JOBMANAGER, FlinkSessionCluster.JOBMANAGER_MAIN, memory);
    assertThat(cmd.toList()).contains("-Dbaton.component=jobmanager",
        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
  }

  @Test
  void memoryCommandAsksBashJavaUtilsForTheConfigDir() {
    assertThat(flink.memoryCommand("GET_TM_RESOURCE_PARAMS").toList()).endsWith(
        "org.apache.flink.runtime.util.bash.BashJavaUtils", "GET_TM_RESOURCE_PARAMS", "--configDir", "/state/flink/conf");
  }

  @Test
  void prometheusReporterServesTheJobManagerOnItsPortAndTheTaskManagerOnTheNext() {
    StackConfig withPort = config.withPrometheusPort(19249);
    assertThat(FlinkSessionCluster.configYaml(withPort)).contains("""
        metrics:
          reporter:
            prom:
              factory:
                class: 'io.baton.stack.reporter.LoopbackPrometheusReporterFactory'
              port: 19249
        """);
    FlinkSessionCluster cluster = new FlinkSessionCluster(withPort);
    assertThat(cluster.serverCommand(Component.TASKMANAGER, FlinkSessionCluster.TASKMANAGER_MAIN, memory).toList())
        .endsWith("-D", "metrics.reporter.prom.port=19250");
    assertThat(cluster.serverCommand(Component.JOBMANAGER, FlinkSessionCluster.JOBMANAGER_MAIN, memory).toList())
        .doesNotContain("metrics.reporter.prom.port=19250");
    assertThat(FlinkSessionCluster.prometheusUrls(19249))
        .containsExactly("http://127.0.0.1:19249/metrics", "http://127.0.0.1:19250/metrics");
  }

  @Test
  void webUrlUsesTheRestPort() {
    assertThat(FlinkSessionCluster.webUrl(config.ports())).isEqualTo("http://127.0.0.1:18081");
  }
}
