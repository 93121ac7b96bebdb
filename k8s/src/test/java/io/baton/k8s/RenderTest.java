package io.baton.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.baton.examples.sensor.SensorStory;
import io.baton.flink.access.AccessModel;
import io.baton.flink.access.Acl;
import io.baton.flink.plan.Plan;
import io.baton.flink.plan.Planner;
import io.baton.k8s.validate.Document;
import io.baton.k8s.validate.Kubectl;
import io.baton.k8s.validate.Manifests;
import io.baton.k8s.validate.YamlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code baton k8s render sensor-story}: valid resources, the stage jobs and ACLs of the plan, the same bytes twice. */
class RenderTest {
  private static final Manifests MANIFESTS = new Manifests(K8sFiles.crds());
  private static final Plan PLAN = Planner.plan(new SensorStory());

  @TempDir
  Path out;

  @Test
  void rendersValidResourcesForEveryStageAndCreatedTopic() throws Exception {
    List<Document> docs = rendered();
    assertThat(MANIFESTS.problems(docs, false)).isEmpty();
    assertThat(docs).extracting(d -> d.kind() + " " + d.name()).containsExactlyInAnyOrder(
        "FlinkSessionJob sensor-story.readings", "FlinkSessionJob sensor-story.per-minute",
        "FlinkSessionJob sensor-story.alerts",
        "KafkaTopic sensor-story.readings", "KafkaTopic sensor-story.readings.dead-letter",
        "KafkaTopic sensor-story.per-minute", "KafkaTopic sensor-story.per-minute.dead-letter",
        "KafkaTopic sensors.alerts", "KafkaTopic sensor-story.alerts.dead-letter", "KafkaTopic sensor-story.lineage",
        "KafkaUser baton.sensor-story.readings", "KafkaUser baton.sensor-story.per-minute",
        "KafkaUser baton.sensor-story.alerts", "ConfigMap sensor-story.kafka-clients");
  }

  @Test
  void theLineageTopicIsCompactedAndBelongsToThePipelineNotAStage() throws Exception {
    Document lineage = rendered().stream().filter(d -> d.kind().equals("KafkaTopic")
        && d.name().equals("sensor-story.lineage")).findFirst().orElseThrow();
    JsonNode spec = lineage.node().path("spec");
    assertThat(spec.path("topicName").asString()).isEqualTo("sensor-story.lineage");
    assertThat(spec.path("partitions").asInt()).isEqualTo(4);
    assertThat(spec.path("config").path("cleanup.policy").asString()).isEqualTo("compact");
    JsonNode labels = lineage.node().path("metadata").path("labels");
    assertThat(labels.path("baton.io/role").asString()).isEqualTo("lineage");
    assertThat(labels.path("baton.io/pipeline").asString()).isEqualTo("sensor-story");
    assertThat(labels.has("baton.io/stage")).isFalse();
  }

  @Test
  void sessionJobsRunTheStageJobWithItsClientFileAndNoSecret() throws Exception {
    Document perMinute = rendered().stream().filter(d -> d.name().equals("sensor-story.per-minute")
        && d.kind().equals("FlinkSessionJob")).findFirst().orElseThrow();
    JsonNode spec = perMinute.node().path("spec");
    assertThat(spec.path("deploymentName").asString()).isEqualTo("baton-session");
    JsonNode job = spec.path("job");
    assertThat(job.path("jarURI").asString()).isEqualTo("https://artifacts.example.com/baton-examples.jar");
    assertThat(job.path("entryClass").asString()).isEqualTo("io.baton.flink.job.StageJob");
    assertThat(job.path("parallelism").asInt()).isEqualTo(PLAN.stage("per-minute").parallelism());
    assertThat(job.path("upgradeMode").asString()).isEqualTo("savepoint");
    List<String> args = new ArrayList<>();
    job.path("args").forEach(a -> args.add(a.asString()));
    assertThat(String.join(" ", args)).isEqualTo("--definition io.baton.examples.sensor.SensorStory --stage per-minute"
        + " --bootstrap-servers baton-kafka-bootstrap:9092 --registry-url http://baton-registry:8080/apis/ccompat/v7"
        + " --checkpoint-interval 2s --kafka-properties-file /etc/baton/kafka/sensor-story/per-minute.properties");
  }

  @Test
  void clientFilesReferToTheUsersSecretsMountedIntoTheSession() throws Exception {
    Document clients = YamlDocuments.read(out().resolve("kafka-clients.yaml"), "kafka-clients.yaml").get(0);
    assertThat(clients.node().path("data").path("readings.properties").asString()).contains(
        "sasl.jaas.config=${file:/etc/baton/kafka/sensor-story/readings.jaas}", "sasl.mechanism=SCRAM-SHA-512",
        "security.protocol=SASL_PLAINTEXT").doesNotContain("password");
    JsonNode patch = YamlDocuments.read(out.resolve("session-mounts.yaml"), "session-mounts.yaml").get(0).node();
    assertThat(patch.get(0).path("path").asString()).isEqualTo("/spec/podTemplate/spec/volumes/-");
    List<String> secrets = new ArrayList<>();
    patch.get(0).path("value").path("projected").path("sources").forEach(s -> {
      if (s.has("secret")) {
        secrets.add(s.path("secret").path("name").asString() + ":" + s.path("secret").path("items").get(0).path("path").asString());
      }
    });
    assertThat(secrets).containsExactly("baton.sensor-story.readings:readings.jaas",
        "baton.sensor-story.per-minute:per-minute.jaas", "baton.sensor-story.alerts:alerts.jaas");
    assertThat(patch.get(1).path("value").path("mountPath").asString()).isEqualTo("/etc/baton/kafka/sensor-story");
  }

  @Test
  void usersHoldExactlyTheAccessModelsAcls() throws Exception {
    AccessModel access = AccessModel.of(PLAN);
    for (Document user : rendered().stream().filter(d -> d.kind().equals("KafkaUser")).toList()) {
      assertThat(user.node().path("spec").path("authentication").path("type").asString()).isEqualTo("scram-sha-512");
      Set<String> fromYaml = new HashSet<>();
      user.node().path("spec").path("authorization").path("acls").forEach(a -> a.path("operations").forEach(op ->
          fromYaml.add(a.path("type").asString() + " " + op.asString() + " " + a.path("resource").path("type").asString()
              + " " + a.path("resource").path("name").asString() + " " + a.path("resource").path("patternType").asString())));
      Set<String> fromModel = new HashSet<>();
      for (Acl acl : access.principals().stream().filter(p -> p.user().equals(user.name())).findFirst().orElseThrow().acls()) {
        fromModel.add(acl.permission().name().toLowerCase() + " " + camel(acl.operation().name()) + " "
            + switch (acl.resourceType()) { case TOPIC -> "topic"; case GROUP -> "group"; default -> "transactionalId"; }
            + " " + acl.name() + " " + (acl.patternType().name().equals("PREFIXED") ? "prefix" : "literal"));
      }
      assertThat(fromYaml).as(user.name()).isEqualTo(fromModel).hasSize(13);
    }
  }

  @Test
  void renderingTwiceGivesTheSameBytes(@TempDir Path again) throws Exception {
    render(out);
    render(again);
    try (var files = Files.list(out)) {
      List<Path> written = files.sorted().toList();
      assertThat(written).hasSize(6);
      for (Path f : written) {
        assertThat(Files.readAllBytes(again.resolve(f.getFileName()))).as(f.getFileName().toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void kustomizeBuildsTheResourcesOnTheOverlay() throws Exception {
    Optional<Kubectl> kubectl = Kubectl.find();
    if (kubectl.isEmpty()) {
      if (Kubectl.required()) {
        fail("kubectl is not on the PATH (set KUBECTL, or apt-get install kubernetes-client; .ci/run does)");
      }
      assumeTrue(false, "kubectl not found: the rendered kustomization was not built (its files were validated)");
    }
    render(out);
    List<Document> docs = YamlDocuments.parse(kubectl.get().kustomize(out), "kustomize sensor-story");
    assertThat(MANIFESTS.problems(docs, false)).isEmpty();
    assertThat(docs).hasSize(18 + 14);
    assertThat(docs).allSatisfy(d -> {
      if (!d.kind().equals("Namespace")) {
        assertThat(d.node().path("metadata").path("namespace").asString()).as(d.label()).isEqualTo("baton");
      }
    });
    JsonNode pod = docs.stream().filter(d -> d.kind().equals("FlinkDeployment")).findFirst().orElseThrow()
        .node().path("spec").path("podTemplate").path("spec");
    List<String> volumes = new ArrayList<>();
    pod.path("volumes").forEach(v -> volumes.add(v.path("name").asString()));
    assertThat(volumes).containsExactly("flink-data", "baton-jobs", "kafka-sensor-story");
    List<String> mounts = new ArrayList<>();
    pod.path("containers").get(0).path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asString()));
    assertThat(mounts).containsExactly("/flink-data", "/opt/baton/jobs", "/etc/baton/kafka/sensor-story");
  }

  private Path out() throws Exception {
    render(out);
    return out;
  }

  private List<Document> rendered() throws Exception {
    render(out);
    List<Document> docs = new ArrayList<>();
    for (String f : List.of("session-jobs.yaml", "kafka-topics.yaml", "kafka-users.yaml", "kafka-clients.yaml")) {
      docs.addAll(YamlDocuments.read(out.resolve(f), f));
    }
    return docs;
  }

  private static void render(Path dir) throws Exception {
    String overlay = dir.toAbsolutePath().relativize(K8sFiles.module().resolve("overlays/dev")).toString();
    PipelineResources.render(PLAN, K8sSettings.defaults().withJarUri("https://artifacts.example.com/baton-examples.jar")
        .withOverlay(overlay)).writeTo(dir);
  }

  private static String camel(String op) {
    StringBuilder b = new StringBuilder();
    for (String part : op.toLowerCase().split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}
