package io.baton.k8s.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;

/**
 * The pod template Flink merges into the JobManager and TaskManager pods when {@link SessionSpec#withJobsClaim} is
 * given: only a read-only volume from the claim, mounted at {@link SessionSpec#JOBS_PATH} in Flink's main container.
 *
 * <pre>{@code
 * String yaml = JobsPodTemplate.yaml("baton-jobs");   // the file kubernetes.pod-template-file.default names
 * }</pre>
 */
final class JobsPodTemplate {
  static final String VOLUME = "baton-jobs";
  private static final String MAIN_CONTAINER = "flink-main-container";

  private JobsPodTemplate() {}

  /** The template as YAML. */
  static String yaml(String claim) {
    Map<String, Object> pod = Map.of(
        "apiVersion", "v1",
        "kind", "Pod",
        "metadata", Map.of("name", "baton-session-pod-template"),
        "spec", Map.of(
            "containers", List.of(Map.of("name", MAIN_CONTAINER,
                "volumeMounts", List.of(Map.of("name", VOLUME, "mountPath", SessionSpec.JOBS_PATH, "readOnly", true)))),
            "volumes", List.of(Map.of("name", VOLUME,
                "persistentVolumeClaim", Map.of("claimName", claim, "readOnly", true)))));
    try {
      return new YAMLMapper().writeValueAsString(pod);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
