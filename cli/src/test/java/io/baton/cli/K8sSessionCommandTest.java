package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton k8s session up|status|down} end to end in this JVM against fabric8's Kubernetes mock server in CRUD mode
 * (a mock: no Kubernetes cluster can run on these machines), reached through a kubeconfig in a temp folder. The mock
 * stores objects but runs no controllers: no pod ever starts. The objects' fields are checked in the k8s module's
 * {@code NativeSessionTest}; here the command lines, their output and exit codes.
 */
class K8sSessionCommandTest {
  @TempDir
  Path dir;

  private KubernetesMockServer server;
  private NamespacedKubernetesClient kube;
  private String kubeconfig;

  @BeforeEach
  void startMock() throws Exception {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    server.init();
    kube = server.createClient();
    kubeconfig = kubeconfig("mock", server.url("/").replaceAll("/$", "")).toString();
  }

  @AfterEach
  void stopMock() {
    kube.close();
    server.destroy();
  }

  @Test
  void upStatusUpAgainDownAndDownAgain() {
    CliRun up = session("up", "--name", "nightly", "--namespace", "flink", "--image", "example.com/flink:2.2.0-java17",
        "--taskmanager-slots", "4", "--jobs-claim", "baton-jobs", "--set", "kubernetes.service-account=flink");
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).startsWith("Started session nightly (namespace flink): JobManager 0/1 ready, rest ClusterIP nightly-rest.flink:8081\n")
        .contains("kubectl -n flink port-forward svc/nightly-rest 8081");
    Deployment jm = kube.apps().deployments().inNamespace("flink").withName("nightly").get();
    assertThat(jm.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("example.com/flink:2.2.0-java17");
    assertThat(jm.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("flink");
    assertThat(jm.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getPersistentVolumeClaim() != null)
        .extracting(v -> v.getPersistentVolumeClaim().getClaimName()).containsExactly("baton-jobs");

    CliRun status = session("status", "--name", "nightly", "--namespace", "flink");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out().trim()).isEqualTo("session nightly (namespace flink): JobManager 0/1 ready, rest ClusterIP nightly-rest.flink:8081");

    CliRun again = session("up", "--name", "nightly", "--namespace", "flink");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(again.err().trim()).isEqualTo("baton: session cluster 'nightly' already exists in namespace flink; nothing changed"
        + " (baton k8s session down --name nightly removes it)");
    assertThat(kube.apps().deployments().inNamespace("flink").list().getItems()).hasSize(1);

    CliRun down = session("down", "--name", "nightly", "--namespace", "flink");
    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(down.out().trim()).isEqualTo("Deleted session cluster nightly in namespace flink");
    assertThat(kube.apps().deployments().inNamespace("flink").list().getItems()).isEmpty();

    CliRun downAgain = session("down", "--name", "nightly", "--namespace", "flink");
    assertThat(downAgain.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(downAgain.err().trim()).isEqualTo("baton: no session cluster 'nightly' in namespace flink");
    CliRun gone = session("status", "--name", "nightly", "--namespace", "flink");
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(gone.err().trim()).isEqualTo("baton: no session cluster 'nightly' in namespace flink");
  }

  @Test
  void noReachableClusterIsOneLineAndExitCodeOne() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    kubeconfig = kubeconfig("nowhere", "http://127.0.0.1:" + closedPort).toString();
    CliRun status = session("status");
    assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(status.err()).startsWith("baton: no Kubernetes cluster reachable at http://127.0.0.1:" + closedPort)
        .hasLineCount(1);
  }

  @Test
  void aClusterIdFlinkCannotUseIsRefusedInOneLine() {
    CliRun up = session("up", "--name", "Baton_Session");
    assertThat(up.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(up.err().trim()).isEqualTo("baton: name must be a DNS-1035 label of at most 45 characters, got 'Baton_Session'");
    assertThat(kube.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
  }

  private CliRun session(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "k8s";
    all[1] = "session";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--kubeconfig";
    all[args.length + 3] = kubeconfig;
    return CliRun.of(all);
  }

  private Path kubeconfig(String name, String url) throws Exception {
    return Files.writeString(dir.resolve(name), """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: tester, user: {token: not-a-secret}}]
        contexts: [{name: mock, context: {cluster: mock, user: tester}}]
        current-context: mock
        """.formatted(url));
  }
}
