package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton k8s apply} through a contexts file whose context of kind {@code kubernetes} names a kubeconfig (in a
 * temp folder) of fabric8's Kubernetes mock server in CRUD mode: a mock, because no Kubernetes cluster can run on
 * these machines. The objects' fields are checked in the k8s module's {@code K8sDeployTest}; here the context, the
 * command line, its report and exit codes.
 */
class K8sApplyCommandTest {
  private static final ResourceDefinitionContext SESSION_JOBS = new ResourceDefinitionContext.Builder()
      .withGroup("flink.apache.org").withVersion("v1beta1").withKind("FlinkSessionJob").withPlural("flinksessionjobs")
      .withNamespaced(true).build();

  private static final ResourceDefinitionContext SESSIONS = new ResourceDefinitionContext.Builder()
      .withGroup("flink.apache.org").withVersion("v1beta1").withKind("FlinkDeployment").withPlural("flinkdeployments")
      .withNamespaced(true).build();

  @TempDir
  Path dir;

  /** The session the jobs run on, as the platform made it (a main container). */
  private static GenericKubernetesResource session(String name) {
    GenericKubernetesResource session = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
        .withApiVersion("flink.apache.org/v1beta1").withKind("FlinkDeployment").withNewMetadata().withName(name)
        .endMetadata().build();
    session.setAdditionalProperty("spec", java.util.Map.of("podTemplate", java.util.Map.of("spec", java.util.Map.of(
        "containers", List.of(java.util.Map.of("name", "flink-main-container"))))));
    return session;
  }

  private KubernetesMockServer server;
  private NamespacedKubernetesClient kube;

  @BeforeEach
  void startMockAndWriteContexts() throws Exception {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    server.init();
    kube = server.createClient();
    kube.genericKubernetesResources(SESSIONS).inNamespace("pipelines").resource(session("shared-session")).create();
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: tester, user: {token: not-a-secret}}]
        contexts: [{name: mock, context: {cluster: mock, user: tester}}]
        current-context: mock
        """.formatted(server.url("/").replaceAll("/$", "")));
    Path contexts = Files.writeString(dir.resolve("config.yaml"), """
        current-context: shared
        contexts:
          shared:
            flink: {rest: "http://flink:8081"}
            kafka: {bootstrap: "broker:9092"}
            registry: {url: "http://registry:8085/apis/ccompat/v7"}
          k8s-mock:
            kind: kubernetes
            kubernetes:
              kubeconfig: %s
              namespace: pipelines
              session: shared-session
              jarURI: https://artifacts.example.com/baton-examples.jar
            kafka: {bootstrap: "kafka-bootstrap.streaming:9092"}
          k8s-nowhere:
            kind: kubernetes
            kubernetes: {kubeconfig: %s}
        """.formatted(kubeconfig, Files.writeString(dir.resolve("nowhere"), Files.readString(kubeconfig)
            .replace(server.url("/").replaceAll("/$", ""), "http://127.0.0.1:" + closedPort()))));
    TestContextsFile.use(contexts);
  }

  @AfterEach
  void stopMock() {
    TestContextsFile.restore();
    kube.close();
    server.destroy();
  }

  @Test
  void applyCreatesThePipelinesObjectsAndASecondApplyChangesNothing() {
    CliRun first = CliRun.of("k8s", "apply", "sensor-story", "--context", "k8s-mock");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("created    FlinkSessionJob  sensor-story.per-minute\n",
        "created    KafkaUser        baton.sensor-story.alerts\n", "updated    FlinkDeployment  shared-session\n")
        .endsWith("namespace pipelines: 14 created, 1 updated, 0 unchanged, 0 deleted\n");
    GenericKubernetesResource job = kube.genericKubernetesResources(SESSION_JOBS).inNamespace("pipelines")
        .withName("sensor-story.alerts").get();
    assertThat((String) job.get("spec", "deploymentName")).isEqualTo("shared-session");
    assertThat((String) job.get("spec", "job", "jarURI")).isEqualTo("https://artifacts.example.com/baton-examples.jar");
    assertThat(job.<List<String>>get("spec", "job", "args")).containsSequence("--bootstrap-servers",
        "kafka-bootstrap.streaming:9092");

    CliRun second = CliRun.of("k8s", "apply", "sensor-story", "--context", "k8s-mock");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).endsWith("namespace pipelines: 0 created, 0 updated, 15 unchanged, 0 deleted\n")
        .doesNotContain("created ", "updated ");
  }

  @Test
  void deployOnAKubernetesContextAppliesTheSameObjectsThroughTheApi() {
    CliRun deploy = CliRun.of("deploy", "sensor-story", "--context", "k8s-mock");

    assertThat(deploy.exitCode()).as(deploy.err()).isZero();
    assertThat(deploy.out()).startsWith("Deploy sensor-story to context k8s-mock through the Kubernetes API\n")
        .endsWith("namespace pipelines: 14 created, 1 updated, 0 unchanged, 0 deleted\n");
    assertThat(kube.genericKubernetesResources(SESSION_JOBS).inNamespace("pipelines").list().getItems())
        .extracting(r -> r.getMetadata().getName())
        .containsExactlyInAnyOrder("sensor-story.readings", "sensor-story.per-minute", "sensor-story.alerts");

    CliRun again = CliRun.of("deploy", "sensor-story", "--context", "k8s-mock");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).endsWith("namespace pipelines: 0 created, 0 updated, 15 unchanged, 0 deleted\n");
  }

  @Test
  void dryRunReportsAndWritesNothing() {
    CliRun dry = CliRun.of("k8s", "apply", "sensor-story", "--context", "k8s-mock", "--dry-run");

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).endsWith("dry run, nothing written; would be in namespace pipelines: 14 created, 1 updated,"
        + " 0 unchanged, 0 deleted\n");
    assertThat(kube.genericKubernetesResources(SESSION_JOBS).inNamespace("pipelines").list().getItems()).isEmpty();
  }

  @Test
  void aContextOfKindFlinkIsRefusedAndAKubernetesContextIsRefusedByFlinkCommands() {
    CliRun apply = CliRun.of("k8s", "apply", "sensor-story");
    assertThat(apply.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(apply.err().trim()).isEqualTo("baton: context 'shared' is of kind flink; this needs a context of kind"
        + " kubernetes (see README \"Kubernetes\")");

    CliRun status = CliRun.of("status", "sensor-story", "--context", "k8s-mock");
    assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(status.err().trim()).isEqualTo("baton: context 'k8s-mock' is of kind kubernetes: its Flink, Kafka and"
        + " registry are inside the cluster; deploy with: baton deploy <pipeline> --context k8s-mock (other commands"
        + " need a context of kind flink)");
  }

  @Test
  void anUnreachableApiServerIsOneLineAndExitCodeOne() {
    CliRun apply = CliRun.of("k8s", "apply", "sensor-story", "--context", "k8s-nowhere");

    assertThat(apply.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(apply.err()).startsWith("baton: no Kubernetes cluster reachable at http://127.0.0.1:").hasLineCount(1);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void showListsTheKubernetesSettings() {
    CliRun show = CliRun.of("context", "show", "k8s-mock");

    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).isEqualTo("""
        context: k8s-mock
        file: %s
        kind: kubernetes
        kubernetes:
          kubeconfig: %s
          namespace: pipelines
          session: shared-session   # the FlinkDeployment the FlinkSessionJobs run on
          jarURI: https://artifacts.example.com/baton-examples.jar
          kafkaCluster: baton   # Strimzi's Kafka of the KafkaTopics and KafkaUsers
        kafka:
          bootstrap: kafka-bootstrap.streaming:9092   # as the stage jobs reach it in the cluster
        registry:
          url: http://baton-registry:8080/apis/ccompat/v7   # as the stage jobs reach it in the cluster
        """.formatted(dir.resolve("config.yaml"), dir.resolve("kubeconfig")));
  }
}
