package io.baton.k8s.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.k8s.validate.CoreKinds;
import io.baton.k8s.validate.Document;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@link NativeSession} through Flink's own {@code KubernetesClusterDescriptor} against fabric8's Kubernetes mock
 * server in CRUD mode ({@link MockKubernetes}): a mock, because no Kubernetes cluster can run on these machines. Flink's
 * shaded fabric8 client reaches it through a kubeconfig written in a temp folder ({@code kubernetes.config.file}).
 *
 * <p>What this proves: the objects Flink creates for a session (JobManager Deployment, its ConfigMaps, the internal
 * and rest Services), their fields, that they read strictly into fabric8's typed models, that a second {@code up}
 * changes nothing, what {@code status} reports, that {@code down} deletes the Deployment the others are owned by, and
 * that a refusal half way (a 403 the test scripts) is one line and leaves no Deployment behind.
 * What it does not: the mock runs no controllers, so no JobManager pod starts, no TaskManager is ever asked for, and
 * the owned ConfigMaps and Services are not garbage-collected after {@code down} (the test checks their owner
 * references instead); the image, RBAC and networking are never exercised.
 */
class NativeSessionTest {
  private static final String NS = "baton-test";
  private static final String IMAGE = "registry.example.com/baton/flink:2.2.0-java17";

  @TempDir
  Path dir;

  private MockKubernetes mock;
  private NamespacedKubernetesClient kube;
  private SessionSpec spec;

  @BeforeEach
  void startMock() {
    mock = MockKubernetes.start();
    kube = mock.client();
    spec = SessionSpec.defaults().withName("baton-dev").withNamespace(NS).withImage(IMAGE)
        .withKubeconfig(mock.kubeconfig(dir, "default")).withTaskManagerSlots(3)
        .withSetting("execution.checkpointing.dir", "file:///flink-data/checkpoints");
  }

  @AfterEach
  void stopMock() {
    mock.close();
  }

  @Test
  void upCreatesTheJobManagerDeploymentWithTheImageAndClusterLabels() {
    NativeSession.up(spec);

    Deployment jm = kube.apps().deployments().inNamespace(NS).withName("baton-dev").get();
    assertThat(jm).as("JobManager Deployment").isNotNull();
    assertThat(jm.getSpec().getReplicas()).isEqualTo(1);
    Map<String, String> clusterLabels = Map.of("app", "baton-dev", "type", "flink-native-kubernetes");
    assertThat(jm.getMetadata().getLabels()).containsAllEntriesOf(clusterLabels);
    assertThat(jm.getSpec().getSelector().getMatchLabels()).containsAllEntriesOf(clusterLabels)
        .containsEntry("component", "jobmanager");
    assertThat(jm.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(clusterLabels)
        .containsEntry("component", "jobmanager").containsEntry("baton.io/flink", "true");
    assertThat(jm.getSpec().getTemplate().getSpec().getContainers()).singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo(IMAGE));
  }

  @Test
  void upWritesTheFlinkConfigurationIntoAConfigMapOwnedByTheDeployment() {
    NativeSession.up(spec);

    ConfigMap config = kube.configMaps().inNamespace(NS).withName("flink-config-baton-dev").get();
    assertThat(config).as("flink-config ConfigMap").isNotNull();
    assertThat(config.getMetadata().getLabels()).containsEntry("app", "baton-dev");
    Map<String, String> flinkConf = flatYaml(config.getData().get("config.yaml"));
    assertThat(flinkConf).as(config.getData().get("config.yaml")).containsEntry("kubernetes.cluster-id", "baton-dev")
        .containsEntry("kubernetes.namespace", NS)
        .containsEntry("kubernetes.container.image.ref", IMAGE)
        .containsEntry("taskmanager.numberOfTaskSlots", "3")
        .containsEntry("execution.checkpointing.dir", "file:///flink-data/checkpoints")
        .containsEntry("kubernetes.rest-service.exposed.type", "ClusterIP")
        // the client's own paths stay on the client: Flink drops them from the cluster's configuration
        .doesNotContainKeys("kubernetes.config.file", "$internal.deployment.config-dir");
    assertThat(config.getData()).containsOnlyKeys("config.yaml", "log4j-console.properties");
    assertThat(config.getData().get("log4j-console.properties")).contains("rootLogger.level = INFO", "appender.console.type = CONSOLE");
    assertOwnedByTheDeployment(config);
  }

  @Test
  void upCreatesAClusterIpRestServiceAndTheInternalService() {
    NativeSession.up(spec);

    Service rest = kube.services().inNamespace(NS).withName("baton-dev-rest").get();
    assertThat(rest).as("rest Service").isNotNull();
    assertThat(rest.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(rest.getSpec().getSelector()).containsEntry("app", "baton-dev").containsEntry("component", "jobmanager");
    assertThat(rest.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(8081));
    Service internal = kube.services().inNamespace(NS).withName("baton-dev").get();
    assertThat(internal).as("internal Service").isNotNull();
    assertThat(internal.getSpec().getClusterIP()).isEqualTo("None");
    Stream.of(rest, internal).forEach(NativeSessionTest::assertOwnedByTheDeployment);
  }

  @Test
  void aJobsClaimIsMountedReadOnlyInTheJobManagerAndTheTaskManagersTemplate() {
    NativeSession.up(spec.withJobsClaim("baton-jobs"));

    PodSpec jmPod = kube.apps().deployments().inNamespace(NS).withName("baton-dev").get().getSpec().getTemplate().getSpec();
    assertThat(jmPod.getVolumes()).filteredOn(v -> v.getName().equals("baton-jobs")).singleElement()
        .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("baton-jobs"));
    assertThat(jmPod.getContainers()).singleElement().satisfies(c -> assertThat(c.getVolumeMounts())
        .filteredOn(m -> m.getName().equals("baton-jobs")).singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/opt/baton/jobs"))
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue()));
    // TaskManagers are created later by the JobManager, from the template Flink keeps in this ConfigMap
    ConfigMap tmTemplate = kube.configMaps().inNamespace(NS).withName("pod-template-baton-dev").get();
    assertThat(tmTemplate).as("TaskManager pod template ConfigMap").isNotNull();
    Pod tmPod = Serialization.unmarshal(tmTemplate.getData().get("taskmanager-pod-template.yaml"), Pod.class);
    assertThat(tmPod.getSpec().getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("baton-jobs"));
    assertThat(tmPod.getSpec().getContainers()).singleElement()
        .satisfies(c -> assertThat(c.getVolumeMounts()).extracting(VolumeMount::getMountPath).containsExactly("/opt/baton/jobs"));
  }

  @Test
  void aJobsClaimBesideAPodTemplateOfOneselfIsRefusedBeforeAnythingIsCreated() {
    SessionSpec both = spec.withJobsClaim("baton-jobs").withSetting("kubernetes.pod-template-file.taskmanager", "/tmp/tm.yaml");
    assertThatThrownBy(() -> NativeSession.up(both)).isInstanceOf(SessionException.class)
        .hasMessage("the jobs claim (baton-jobs) is mounted through a pod template, and kubernetes.pod-template-file.taskmanager"
            + " is set too; mount the claim in your own pod template instead");
    assertThat(objectVersions()).isEmpty();
  }

  @Test
  void everyCreatedObjectReadsStrictlyIntoFabric8sTypedModels() {
    NativeSession.up(spec);

    List<String> paths = Stream.of(
        Stream.of("/apis/apps/v1/namespaces/" + NS + "/deployments/baton-dev"),
        kube.services().inNamespace(NS).list().getItems().stream().map(s -> "/api/v1/namespaces/" + NS + "/services/" + s.getMetadata().getName()),
        kube.configMaps().inNamespace(NS).list().getItems().stream().map(c -> "/api/v1/namespaces/" + NS + "/configmaps/" + c.getMetadata().getName()))
        .flatMap(s -> s).toList();
    assertThat(paths).hasSizeGreaterThanOrEqualTo(4);
    JsonMapper json = JsonMapper.builder().build();
    for (String path : paths) {
      Document doc = new Document(path, json.readTree(mock.rawJson(path)));
      assertThat(CoreKinds.knows(doc)).as(path).isTrue();
      assertThat(CoreKinds.problems(doc)).as(path).isEmpty();
    }
  }

  @Test
  void aSecondUpSaysTheClusterExistsAndChangesNothing() {
    NativeSession.up(spec);
    Map<String, String> before = objectVersions();

    assertThatThrownBy(() -> NativeSession.up(spec.withImage("other/image:1")))
        .isInstanceOf(SessionException.class)
        .hasMessage("session cluster 'baton-dev' already exists in namespace " + NS
            + "; nothing changed (baton k8s session down --name baton-dev removes it)");
    assertThat(objectVersions()).isEqualTo(before);
    assertThat(kube.apps().deployments().inNamespace(NS).withName("baton-dev").get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(IMAGE);
  }

  @Test
  void statusReportsTheDeploymentsReplicasAndTheRestAddress() {
    SessionStatus started = NativeSession.up(spec);
    assertThat(started).isEqualTo(new SessionStatus("baton-dev", NS, true, 1, 0, java.util.Optional.of("ClusterIP"),
        java.util.Optional.of("baton-dev-rest." + NS + ":8081")));

    // the mock runs no controller: here the test plays the one that reports the JobManager pod ready
    kube.apps().deployments().inNamespace(NS).withName("baton-dev")
        .editStatus(d -> { d.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).build()); return d; });

    SessionStatus status = NativeSession.status(spec);
    assertThat(status.readyReplicas()).isEqualTo(1);
    assertThat(status.describe()).isEqualTo("session baton-dev (namespace " + NS
        + "): JobManager 1/1 ready, rest ClusterIP baton-dev-rest." + NS + ":8081");
  }

  @Test
  void statusSaysWhenTheRestServiceIsMissing() {
    NativeSession.up(spec);
    kube.services().inNamespace(NS).withName("baton-dev-rest").delete();

    assertThat(NativeSession.status(spec).describe())
        .isEqualTo("session baton-dev (namespace " + NS + "): JobManager 0/1 ready, rest service missing");
  }

  @Test
  void statusOfAnAbsentSessionSaysNotFound() {
    SessionStatus status = NativeSession.status(spec);
    assertThat(status.exists()).isFalse();
    assertThat(status.describe()).isEqualTo("session baton-dev (namespace " + NS + "): not found");
  }

  @Test
  void downDeletesTheJobManagerDeploymentAndASecondDownSaysNotFound() {
    NativeSession.up(spec);
    List<HasMetadata> owned = Stream.concat(kube.services().inNamespace(NS).list().getItems().stream(),
        kube.configMaps().inNamespace(NS).list().getItems().stream()).map(HasMetadata.class::cast).toList();

    NativeSession.down(spec);

    assertThat(kube.apps().deployments().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(NativeSession.status(spec).exists()).isFalse();
    // no garbage collector in the mock: what is left is what Kubernetes deletes with its owner
    owned.forEach(NativeSessionTest::assertOwnedByTheDeployment);
    assertThatThrownBy(() -> NativeSession.down(spec)).isInstanceOf(SessionException.class)
        .hasMessage("no session cluster 'baton-dev' in namespace " + NS);
  }

  @Test
  void aRefusalHalfWayIsOneLineAndFlinkRemovesTheDeploymentItCreated() {
    mock.refuseNextPost("/api/v1/namespaces/" + NS + "/configmaps");

    assertThatThrownBy(() -> NativeSession.up(spec)).isInstanceOf(SessionException.class)
        .hasMessage("could not start session cluster 'baton-dev' in namespace " + NS + ": 403 Forbidden: configmaps is"
            + " forbidden: User \"system:serviceaccount:test:baton\" cannot create resource \"configmaps\"");
    assertThat(kube.apps().deployments().inNamespace(NS).list().getItems()).as("Deployment after the failed up").isEmpty();
    assertThat(NativeSession.status(spec).exists()).isFalse();
  }

  @Test
  void aServiceInTheWayOfTheRestServiceIsReplacedByFlinks() {
    kube.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("baton-dev-rest").endMetadata()
        .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();

    NativeSession.up(spec);

    Service rest = kube.services().inNamespace(NS).withName("baton-dev-rest").get();
    assertThat(rest.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(8081);
    assertOwnedByTheDeployment(rest);
  }

  @Test
  void noReachableClusterIsOneLineWithinSeconds() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path config = MockKubernetes.writeKubeconfig(dir.resolve("nowhere"), "http://127.0.0.1:" + closedPort, "default");
    long start = System.nanoTime();
    assertThatThrownBy(() -> NativeSession.status(spec.withKubeconfig(config)))
        .isInstanceOf(SessionException.class)
        .hasMessageStartingWith("no Kubernetes cluster reachable at http://127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aMissingKubeconfigIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> NativeSession.up(spec.withKubeconfig(dir.resolve("absent"))))
        .isInstanceOf(SessionException.class).hasMessage("kubeconfig " + dir.resolve("absent") + " is not a file");
  }

  private static void assertOwnedByTheDeployment(HasMetadata object) {
    assertThat(object.getMetadata().getOwnerReferences()).as(object.getKind() + " " + object.getMetadata().getName())
        .extracting(OwnerReference::getKind, OwnerReference::getName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Deployment", "baton-dev"));
  }

  /** Every Deployment, Service and ConfigMap in the namespace with its resourceVersion. */
  private Map<String, String> objectVersions() {
    Map<String, String> versions = new TreeMap<>();
    Stream.of(kube.apps().deployments().inNamespace(NS).list().getItems(), kube.services().inNamespace(NS).list().getItems(),
            kube.configMaps().inNamespace(NS).list().getItems())
        .flatMap(List::stream)
        .forEach(o -> versions.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    return versions;
  }

  /** Flink's config.yaml (standard YAML, nested or flat) as flat {@code a.b.c -> value} entries. */
  private static Map<String, String> flatYaml(String yaml) {
    Map<String, String> entries = new TreeMap<>();
    flatten("", new YAMLMapper().readTree(yaml), entries);
    return entries;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into));
    } else {
      into.put(prefix, node.isValueNode() ? node.asString() : node.toString());
    }
  }
}
