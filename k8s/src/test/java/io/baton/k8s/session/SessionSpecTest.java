package io.baton.k8s.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.junit.jupiter.api.Test;

/** The Flink configuration a {@link SessionSpec} hands to flink-kubernetes, and what it refuses. */
class SessionSpecTest {

  @Test
  void theDefaultsAreASessionTargetWithAClusterIpRestServiceAndFlinksDefaultProcessSizes() {
    Configuration config = SessionSpec.defaults().flinkConfiguration();
    assertThat(config.toMap())
        .containsEntry("execution.target", "kubernetes-session")
        .containsEntry("kubernetes.cluster-id", "baton-session")
        .containsEntry("kubernetes.namespace", "baton")
        .containsEntry("kubernetes.container.image.ref", "flink:2.2.0-java17")
        .containsEntry("kubernetes.rest-service.exposed.type", "ClusterIP")
        .containsEntry("taskmanager.numberOfTaskSlots", "2")
        .containsEntry("jobmanager.memory.process.size", "1600 mb")
        .containsEntry("taskmanager.memory.process.size", "1728 mb")
        .doesNotContainKey("kubernetes.config.file");
    assertThat(config.get(KubernetesConfigOptions.JOB_MANAGER_LABELS)).isEqualTo(Map.of("baton.io/flink", "true"));
    assertThat(config.get(KubernetesConfigOptions.TASK_MANAGER_LABELS)).isEqualTo(Map.of("baton.io/flink", "true"));
    assertThat(SessionSpec.defaults().restServiceType()).isEqualTo("ClusterIP");
  }

  @Test
  void settingsWinOverWhatTheOtherFieldsSet() {
    SessionSpec spec = SessionSpec.defaults().withTaskManagerSlots(4)
        .withSetting("taskmanager.numberOfTaskSlots", "8")
        .withSetting("kubernetes.rest-service.exposed.type", "LoadBalancer")
        .withKubeconfig(Path.of("/etc/kube/config"));
    assertThat(spec.flinkConfiguration().toMap()).containsEntry("taskmanager.numberOfTaskSlots", "8")
        .containsEntry("kubernetes.config.file", "/etc/kube/config");
    assertThat(spec.restServiceType()).isEqualTo("LoadBalancer");
    assertThat(spec.toString()).isEqualTo("SessionSpec[name=baton-session, namespace=baton, image=flink:2.2.0-java17,"
        + " taskManagerSlots=4, kubeconfig=/etc/kube/config, kubernetes.rest-service.exposed.type=LoadBalancer,"
        + " taskmanager.numberOfTaskSlots=8]");
  }

  @Test
  void namesFlinkCannotUseAreRefused() {
    assertThatThrownBy(() -> SessionSpec.defaults().withName("9lives")).hasMessage(
        "name must be a DNS-1035 label of at most 45 characters, got '9lives'");
    assertThatThrownBy(() -> SessionSpec.defaults().withName("a".repeat(46))).hasMessageStartingWith("name must be");
    assertThat(SessionSpec.defaults().withName("a".repeat(45)).name()).hasSize(45);
    assertThatThrownBy(() -> SessionSpec.defaults().withNamespace("Baton")).hasMessage(
        "namespace must be a DNS-1123 label, got 'Baton'");
    assertThatThrownBy(() -> SessionSpec.defaults().withTaskManagerSlots(0)).hasMessage(
        "taskManagerSlots must be at least 1, got 0");
    assertThatThrownBy(() -> SessionSpec.defaults().withImage("flink 2")).hasMessage(
        "image must be an image reference without spaces, got 'flink 2'");
    assertThatThrownBy(() -> SessionSpec.defaults().withJobsClaim("Jobs_Claim")).hasMessage(
        "jobsClaim must be a PersistentVolumeClaim name (DNS-1123 subdomain), got 'Jobs_Claim'");
  }
}
