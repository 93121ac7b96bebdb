package io.baton.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.overrides.PolicyOverrides;
import io.baton.examples.sensor.SensorStory;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.k8s.ApplyReport.Action;
import io.baton.k8s.ApplyReport.Change;
import io.baton.k8s.session.MockKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link K8sDeploy} against fabric8's Kubernetes mock server in CRUD mode ({@link MockKubernetes}): a mock, because no
 * Kubernetes cluster can run on these machines. It stores and serves objects like an API server (resourceVersions,
 * label selectors) but runs no controllers and knows no CRD schemas: no operator starts a job, Strimzi creates no
 * topic or user; the rendered objects' schemas are checked by {@code RenderTest}.
 */
class K8sDeployTest {
  private static final String NS = "baton-test";
  private static final Plan PLAN = Planner.plan(new SensorStory());
  private static final K8sSettings SETTINGS = K8sSettings.defaults().withNamespace(NS)
      .withJarUri("https://artifacts.example.com/baton-examples.jar");
  static final ResourceDefinitionContext SESSION = new ResourceDefinitionContext.Builder().withGroup("flink.apache.org")
      .withVersion("v1beta1").withKind("FlinkDeployment").withPlural("flinkdeployments").withNamespaced(true).build();
  private static final Change SESSION_MOUNTED = new Change(Action.UPDATED, "FlinkDeployment", "baton-session");
  private static final List<String> ALL = List.of(
      "FlinkSessionJob sensor-story.readings", "FlinkSessionJob sensor-story.per-minute",
      "FlinkSessionJob sensor-story.alerts",
      "KafkaTopic sensor-story.readings", "KafkaTopic sensor-story.readings.dead-letter",
      "KafkaTopic sensor-story.per-minute", "KafkaTopic sensor-story.per-minute.dead-letter",
      "KafkaTopic sensors.alerts", "KafkaTopic sensor-story.alerts.dead-letter", "KafkaTopic sensor-story.lineage",
      "KafkaUser baton.sensor-story.readings", "KafkaUser baton.sensor-story.per-minute",
      "KafkaUser baton.sensor-story.alerts", "ConfigMap sensor-story.kafka-clients");

  private MockKubernetes mock;
  private KubernetesClient kube;

  @BeforeEach
  void startMockWithTheSession() {
    mock = MockKubernetes.start();
    kube = mock.client();
    kube.genericKubernetesResources(SESSION).inNamespace(NS).resource(session("baton-session")).create();
  }

  /** A session FlinkDeployment as k8s/base has it: a main container with its own volume and mount. */
  static GenericKubernetesResource session(String name) {
    GenericKubernetesResource session = new GenericKubernetesResourceBuilder().withApiVersion("flink.apache.org/v1beta1")
        .withKind("FlinkDeployment").withNewMetadata().withName(name).endMetadata().build();
    session.setAdditionalProperty("spec", Map.of("podTemplate", Map.of("spec", Map.of(
        "containers", List.of(Map.of("name", "flink-main-container",
            "volumeMounts", List.of(Map.of("name", "flink-data", "mountPath", "/flink-data")))),
        "volumes", List.of(Map.of("name", "flink-data", "emptyDir", Map.of()))))));
    return session;
  }

  @AfterEach
  void stopMock() {
    mock.close();
  }

  @Test
  void firstApplyCreatesEveryObjectOfTheSensorStoryWithItsFields() {
    ApplyReport report = K8sDeploy.apply(PLAN, SETTINGS, kube);

    assertThat(report.changes().get(0)).as("the session mounts the clients first").isEqualTo(SESSION_MOUNTED);
    List<Change> owned = report.changes().subList(1, report.changes().size());
    assertThat(owned).extracting(c -> c.kind() + " " + c.name()).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(owned).extracting(Change::action).containsOnly(Action.CREATED);
    assertThat(owned).as("a job's ConfigMap, topics and user before the job").extracting(Change::kind)
        .containsExactly("ConfigMap", "KafkaTopic", "KafkaTopic", "KafkaTopic", "KafkaTopic", "KafkaTopic", "KafkaTopic",
            "KafkaTopic", "KafkaUser", "KafkaUser", "KafkaUser", "FlinkSessionJob", "FlinkSessionJob", "FlinkSessionJob");
    assertThat(stored().keySet()).containsExactlyInAnyOrderElementsOf(ALL);

    GenericKubernetesResource job = get("FlinkSessionJob", "sensor-story.per-minute");
    assertThat(job.getMetadata().getLabels()).containsEntry("baton.io/pipeline", "sensor-story")
        .containsEntry("baton.io/stage", "per-minute");
    assertThat((String) job.get("spec", "deploymentName")).isEqualTo("baton-session");
    assertThat((String) job.get("spec", "job", "jarURI")).isEqualTo("https://artifacts.example.com/baton-examples.jar");
    assertThat((String) job.get("spec", "job", "entryClass")).isEqualTo("io.baton.flink.job.StageJob");
    assertThat((Number) job.get("spec", "job", "parallelism")).extracting(Number::intValue).isEqualTo(1);
    assertThat((String) job.get("spec", "job", "upgradeMode")).isEqualTo("savepoint");
    assertThat(String.join(" ", job.<List<String>>get("spec", "job", "args"))).isEqualTo(
        "--definition io.baton.examples.sensor.SensorStory --stage per-minute"
        + " --bootstrap-servers baton-kafka-bootstrap:9092 --registry-url http://baton-registry:8080/apis/ccompat/v7"
        + " --checkpoint-interval 2s --kafka-properties-file /etc/baton/kafka/sensor-story/per-minute.properties");

    GenericKubernetesResource topic = get("KafkaTopic", "sensor-story.per-minute.dead-letter");
    assertThat((String) topic.get("spec", "topicName")).isEqualTo("sensor-story.per-minute.dead-letter");
    assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "baton");

    GenericKubernetesResource user = get("KafkaUser", "baton.sensor-story.per-minute");
    assertThat((String) user.get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
    Set<String> acls = new HashSet<>();
    for (Map<String, Object> acl : user.<List<Map<String, Object>>>get("spec", "authorization", "acls")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
      for (Object op : (List<?>) acl.get("operations")) {
        acls.add(acl.get("type") + " " + op + " " + resource.get("type") + " " + resource.get("name") + " "
            + resource.get("patternType"));
      }
    }
    assertThat(acls).containsExactlyInAnyOrder(
        "allow Read topic sensor-story.readings literal", "allow Describe topic sensor-story.readings literal",
        "allow Read group baton.sensor-story.per-minute literal",
        "allow Write topic sensor-story.per-minute literal", "allow Describe topic sensor-story.per-minute literal",
        "allow Write topic sensor-story.per-minute.dead-letter literal",
        "allow Describe topic sensor-story.per-minute.dead-letter literal",
        "allow Write topic sensor-story.lineage literal", "allow Describe topic sensor-story.lineage literal",
        "allow Write transactionalId baton.sensor-story.per-minute.handoff prefix",
        "allow Describe transactionalId baton.sensor-story.per-minute.handoff prefix",
        "allow Write transactionalId baton.sensor-story.per-minute.dead-letter prefix",
        "allow Describe transactionalId baton.sensor-story.per-minute.dead-letter prefix");

    GenericKubernetesResource clients = get("ConfigMap", "sensor-story.kafka-clients");
    assertThat(clients.<Map<String, String>>get("data")).containsOnlyKeys(
        "readings.properties", "per-minute.properties", "alerts.properties");

    GenericKubernetesResource session = kube.genericKubernetesResources(SESSION).inNamespace(NS).withName("baton-session").get();
    assertThat(session.<List<Map<String, Object>>>get("spec", "podTemplate", "spec", "volumes"))
        .extracting(v -> v.get("name")).containsExactly("flink-data", "kafka-sensor-story");
    assertThat(session.<List<Map<String, Object>>>get("spec", "podTemplate", "spec", "containers", 0, "volumeMounts"))
        .extracting(m -> m.get("name") + " " + m.get("mountPath"))
        .containsExactly("flink-data /flink-data", "kafka-sensor-story /etc/baton/kafka/sensor-story");
  }

  @Test
  void withoutASessionToRunOnTheApplyStopsInOneLine() {
    kube.genericKubernetesResources(SESSION).inNamespace(NS).withName("baton-session").delete();

    assertThatThrownBy(() -> K8sDeploy.apply(PLAN, SETTINGS, kube)).isInstanceOf(K8sApplyException.class)
        .hasMessage("no FlinkDeployment baton-session in namespace baton-test to run the pipeline's jobs on; apply the"
            + " platform first (kubectl apply -k k8s/overlays/dev)");
    assertThat(stored()).isEmpty();
  }

  @Test
  void secondApplyChangesNothingAndKeepsEveryResourceVersion() {
    K8sDeploy.apply(PLAN, SETTINGS, kube);
    Map<String, String> before = stored();

    ApplyReport again = K8sDeploy.apply(PLAN, SETTINGS, kube);

    assertThat(again.unchanged()).isTrue();
    assertThat(again.count(Action.UNCHANGED)).isEqualTo(ALL.size() + 1);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void changedParallelismUpdatesExactlyThatSessionJob() {
    K8sDeploy.apply(PLAN, SETTINGS, kube);
    Map<String, String> before = stored();
    Plan wider = Planner.plan(new SensorStory(), PolicyOverrides.of("test", Map.of("per-minute", Map.of("parallelism", 3))));

    ApplyReport report = K8sDeploy.apply(wider, SETTINGS, kube);

    assertThat(report.changes()).filteredOn(c -> c.action() != Action.UNCHANGED)
        .containsExactly(new Change(Action.UPDATED, "FlinkSessionJob", "sensor-story.per-minute"));
    assertThat((Number) get("FlinkSessionJob", "sensor-story.per-minute").get("spec", "job", "parallelism"))
        .extracting(Number::intValue).isEqualTo(3);
    Map<String, String> after = stored();
    assertThat(changed(before, after)).containsExactly("FlinkSessionJob sensor-story.per-minute");
  }

  @Test
  void removedStageDeletesExactlyItsObjectsAndLeavesOtherPipelinesAlone() {
    K8sDeploy.apply(PLAN, SETTINGS, kube);
    kube.genericKubernetesResources(ApiKinds.of("ConfigMap")).inNamespace(NS).resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("v1").withKind("ConfigMap").withNewMetadata().withName("other.kafka-clients")
        .addToLabels("app.kubernetes.io/part-of", "baton").addToLabels("baton.io/pipeline", "other").endMetadata()
        .build()).create();
    Map<String, String> before = stored();

    ApplyReport report = K8sDeploy.apply(withoutAlerts(), SETTINGS, kube);

    assertThat(report.changes()).filteredOn(c -> c.action() == Action.DELETED).extracting(c -> c.kind() + " " + c.name())
        .containsExactlyInAnyOrder("FlinkSessionJob sensor-story.alerts", "KafkaTopic sensors.alerts",
            "KafkaTopic sensor-story.alerts.dead-letter", "KafkaUser baton.sensor-story.alerts");
    assertThat(report.changes()).filteredOn(c -> c.action() == Action.UPDATED)
        .containsExactly(SESSION_MOUNTED, new Change(Action.UPDATED, "ConfigMap", "sensor-story.kafka-clients"));
    assertThat(get("ConfigMap", "sensor-story.kafka-clients").<Map<String, String>>get("data"))
        .containsOnlyKeys("readings.properties", "per-minute.properties");
    Map<String, String> after = stored();
    assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(new TreeMap<>(before) {{
      keySet().removeAll(List.of("FlinkSessionJob sensor-story.alerts", "KafkaTopic sensors.alerts",
          "KafkaTopic sensor-story.alerts.dead-letter", "KafkaUser baton.sensor-story.alerts"));
    }}.keySet());
    assertThat(changed(before, after)).containsExactly("ConfigMap sensor-story.kafka-clients");
  }

  @Test
  void dryRunReportsWhatApplyWouldDoAndWritesNothing() {
    ApplyReport report = K8sDeploy.dryRun(PLAN, SETTINGS, kube);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.count(Action.CREATED)).isEqualTo(ALL.size());
    assertThat(stored()).isEmpty();
    assertThat(report.toString()).endsWith("dry run, nothing written; would be in namespace baton-test: 14 created,"
        + " 1 updated, 0 unchanged, 0 deleted\n");
  }

  @Test
  void aRefusalStopsTheApplyInOneLineBeforeAnyJobIsCreated() {
    mock.refuseNextPost("/apis/kafka.strimzi.io/v1/namespaces/" + NS + "/kafkausers");

    assertThatThrownBy(() -> K8sDeploy.apply(PLAN, SETTINGS, kube)).isInstanceOf(K8sApplyException.class)
        .hasMessageStartingWith("Kubernetes at " + kube.getMasterUrl() + " refused to create KafkaUser"
            + " baton.sensor-story.readings: 403 Forbidden: configmaps is forbidden")
        .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1));
    assertThat(stored().keySet()).as("the ConfigMap and topics came first; no user, no job")
        .containsExactlyInAnyOrderElementsOf(ALL.stream().filter(o -> o.startsWith("ConfigMap") || o.startsWith("KafkaTopic")).toList());
  }

  /** The sensor story without its alerts stage (and the topics that stage writes). */
  private static Plan withoutAlerts() {
    return new Plan(PLAN.pipeline(), PLAN.definitionClass(),
        PLAN.stages().stream().filter(s -> !s.name().equals("alerts")).toList(),
        PLAN.levels().stream().filter(l -> !l.contains("alerts")).toList(),
        PLAN.topics().stream().filter(t -> !"alerts".equals(t.writer())).toList(),
        PLAN.subjects(), PLAN.schemas());
  }

  private GenericKubernetesResource get(String kind, String name) {
    return kube.genericKubernetesResources(ApiKinds.of(kind)).inNamespace(NS).withName(name).get();
  }

  /** "Kind name" to resourceVersion of every sensor-story object in the namespace. */
  private Map<String, String> stored() {
    Map<String, String> versions = new TreeMap<>();
    for (String kind : ApiKinds.ALL.keySet()) {
      kube.genericKubernetesResources(ApiKinds.of(kind)).inNamespace(NS).withLabel("baton.io/pipeline", "sensor-story")
          .list().getItems().forEach(r -> versions.put(kind + " " + r.getMetadata().getName(),
              r.getMetadata().getResourceVersion()));
    }
    return versions;
  }

  private static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey)
        .toList();
  }
}
