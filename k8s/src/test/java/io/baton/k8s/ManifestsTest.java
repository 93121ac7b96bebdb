package io.baton.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.baton.k8s.validate.Document;
import io.baton.k8s.validate.Kubectl;
import io.baton.k8s.validate.Manifests;
import io.baton.k8s.validate.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every manifest in k8s/ validates as the API server would take it, before and after kustomize. */
class ManifestsTest {
  private static final Manifests MANIFESTS = new Manifests(K8sFiles.crds());

  @Test
  void baseResourcesValidate() throws IOException {
    List<Document> docs = documents(K8sFiles.module().resolve("base"));
    assertThat(MANIFESTS.problems(docs, false)).isEmpty();
    assertThat(docs).extracting(Document::kind).contains("Namespace", "ServiceAccount", "Role", "RoleBinding",
        "PersistentVolumeClaim", "FlinkDeployment", "Kafka", "KafkaNodePool", "Deployment", "Service", "NetworkPolicy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void overlayPatchesValidateAsPatches(String overlay) throws IOException {
    List<Document> patches = documents(K8sFiles.module().resolve("overlays").resolve(overlay));
    assertThat(patches).isNotEmpty();
    assertThat(MANIFESTS.problems(patches, true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void kustomizationsListExactlyTheirFolder(String folder) throws IOException {
    Path dir = K8sFiles.module().resolve(folder);
    Document k = YamlDocuments.read(dir.resolve("kustomization.yaml"), folder + "/kustomization.yaml").get(0);
    List<String> named = new ArrayList<>();
    k.node().path("resources").forEach(r -> named.add(r.asString()));
    k.node().path("patches").forEach(p -> named.add(p.path("path").asString()));
    for (String n : named) {
      assertThat(dir.resolve(n)).as(folder + " names " + n).exists();
    }
    assertThat(yamlFiles(dir)).extracting(p -> p.getFileName().toString())
        .allMatch(named::contains, "every file of " + folder + " is in its kustomization");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void overlaysRenderWithKubectlAndValidate(String overlay) throws Exception {
    Optional<Kubectl> kubectl = Kubectl.find();
    if (kubectl.isEmpty()) {
      if (Kubectl.required()) {
        fail("kubectl is not on the PATH (set KUBECTL, or apt-get install kubernetes-client; .ci/run does)");
      }
      assumeTrue(false, "kubectl not found: overlays/" + overlay + " not rendered (the raw files were validated)");
    }
    String yaml = kubectl.get().kustomize(K8sFiles.module().resolve("overlays").resolve(overlay));
    List<Document> docs = YamlDocuments.parse(yaml, "kustomize overlays/" + overlay);
    assertThat(MANIFESTS.problems(docs, false)).isEmpty();
    assertThat(docs).hasSize(documents(K8sFiles.module().resolve("base")).size());
    assertThat(docs).allSatisfy(d -> {
      if (!d.kind().equals("Namespace")) {
        assertThat(d.node().path("metadata").path("namespace").asString()).as(d.label()).isEqualTo("baton");
      }
      assertThat(d.node().path("metadata").path("labels").path("app.kubernetes.io/part-of").asString())
          .as(d.label()).isEqualTo("baton");
    });
  }

  /** Every document of every YAML file in {@code dir} but its kustomization. */
  static List<Document> documents(Path dir) throws IOException {
    List<Document> docs = new ArrayList<>();
    for (Path file : yamlFiles(dir)) {
      docs.addAll(YamlDocuments.read(file, dir.getFileName() + "/" + file.getFileName()));
    }
    return docs;
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
    }
  }
}
