package io.baton.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baton.flink.plan.Plan;
import io.baton.k8s.ApplyReport.Action;
import io.baton.k8s.ApplyReport.Change;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a pipeline's own objects (the FlinkSessionJobs, KafkaTopics, KafkaUsers and clients' ConfigMap that
 * {@code baton k8s render} writes) through the Kubernetes API, idempotently: creates what is missing, updates what
 * differs (server-set metadata and status ignored), leaves identical objects untouched (their resourceVersion stays),
 * and deletes the objects labelled with the pipeline that the plan no longer has. The Flink operator then runs the
 * jobs; Strimzi creates the topics and users. A failed call stops it with a one-line {@link K8sApplyException}.
 *
 * <pre>{@code
 * try (KubernetesClient client = K8sDeploy.connect(null)) {        // as kubectl: $KUBECONFIG or ~/.kube/config
 *   ApplyReport report = K8sDeploy.apply(Planner.plan(new SensorStory()), K8sSettings.defaults(), client);
 *   System.out.print(report);
 * }
 * }</pre>
 */
public final class K8sDeploy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAIN_CONTAINER = "flink-main-container";
  private static final ResourceDefinitionContext FLINK_DEPLOYMENT = new ResourceDefinitionContext.Builder()
      .withGroup("flink.apache.org").withVersion("v1beta1").withKind("FlinkDeployment").withPlural("flinkdeployments")
      .withNamespaced(true).build();
  private static final String PIPELINE_LABEL = "baton.io/pipeline";
  /** fabric8 retries a failed call with backoff (10 times by default, many seconds on a refused connection). */
  private static final int RETRIES = 2;

  private K8sDeploy() {}

  /** Brings the namespace's objects of {@code plan}'s pipeline to what the plan says; returns what it did. */
  public static ApplyReport apply(Plan plan, K8sSettings settings, KubernetesClient client) {
    return run(plan, settings, client, true);
  }

  /** What {@link #apply} would do, reading only. */
  public static ApplyReport dryRun(Plan plan, K8sSettings settings, KubernetesClient client) {
    return run(plan, settings, client, false);
  }

  /** A client of the cluster in {@code kubeconfig}'s current context, or, if null, the one kubectl would use. */
  public static KubernetesClient connect(Path kubeconfig) {
    Config config = kubeconfig == null ? Config.autoConfigure(null) : Config.fromKubeconfig(kubeconfig.toFile());
    config.setRequestRetryBackoffLimit(RETRIES);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static ApplyReport run(Plan plan, K8sSettings settings, KubernetesClient client, boolean write) {
    String ns = settings.namespace();
    List<Change> changes = new ArrayList<>();
    changes.add(mountClients(plan, settings, client, write));
    Map<String, Set<String>> wanted = new HashMap<>();
    for (Map<String, Object> object : PipelineResources.objects(plan, settings)) {
      GenericKubernetesResource desired = toResource(client, object, ns);
      String kind = desired.getKind();
      String name = desired.getMetadata().getName();
      wanted.computeIfAbsent(kind, k -> new HashSet<>()).add(name);
      GenericKubernetesResource existing = call(client, "read " + kind + " " + name, () ->
          in(client, kind, ns).withName(name).get());
      if (existing == null) {
        if (write) {
          call(client, "create " + kind + " " + name, () -> in(client, kind, ns).resource(desired).create());
        }
        changes.add(new Change(Action.CREATED, kind, name));
      } else if (same(client, existing, desired)) {
        changes.add(new Change(Action.UNCHANGED, kind, name));
      } else {
        if (write) {
          desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
          desired.getMetadata().setAnnotations(existing.getMetadata().getAnnotations());
          call(client, "update " + kind + " " + name, () -> in(client, kind, ns).resource(desired).update());
        }
        changes.add(new Change(Action.UPDATED, kind, name));
      }
    }
    for (String kind : ApiKinds.ALL.keySet()) {
      Set<String> keep = wanted.getOrDefault(kind, Set.of());
      List<GenericKubernetesResource> stale = new ArrayList<>(call(client, "list " + kind + "s of " + plan.pipeline(),
          () -> in(client, kind, ns).withLabel("app.kubernetes.io/part-of", "baton")
              .withLabel(PIPELINE_LABEL, plan.pipeline()).list().getItems()));
      stale.removeIf(r -> keep.contains(r.getMetadata().getName()));
      stale.sort(Comparator.comparing(r -> r.getMetadata().getName()));
      for (GenericKubernetesResource r : stale) {
        String name = r.getMetadata().getName();
        if (write) {
          call(client, "delete " + kind + " " + name, () -> in(client, kind, ns).withName(name).delete());
        }
        changes.add(new Change(Action.DELETED, kind, name));
      }
    }
    return new ApplyReport(ns, !write, changes);
  }

  /**
   * The session FlinkDeployment's pod template mounts the pipeline's client files (what {@code k8s render}'s patch
   * adds): its volume, and its mount in {@code flink-main-container}, put in place by name, other entries kept.
   */
  private static Change mountClients(Plan plan, K8sSettings settings, KubernetesClient client, boolean write) {
    String name = settings.sessionDeployment();
    var sessions = client.genericKubernetesResources(FLINK_DEPLOYMENT).inNamespace(settings.namespace());
    GenericKubernetesResource session = call(client, "read FlinkDeployment " + name, () -> sessions.withName(name).get());
    if (session == null) {
      throw new K8sApplyException("no FlinkDeployment " + name + " in namespace " + settings.namespace()
          + " to run the pipeline's jobs on; apply the platform first (kubectl apply -k k8s/overlays/dev)", null);
    }
    JsonNode before = content(client, session);
    Map<String, Object> podSpec = child(child(child(session.getAdditionalProperties(), "spec"), "podTemplate"), "spec");
    List<Map<String, Object>> containers = list(podSpec, "containers");
    Map<String, Object> main = containers.stream().filter(c -> MAIN_CONTAINER.equals(c.get("name"))).findFirst()
        .orElseGet(() -> {
          Map<String, Object> created = new LinkedHashMap<>(Map.of("name", MAIN_CONTAINER));
          containers.add(created);
          return created;
        });
    putByName(list(podSpec, "volumes"), KafkaClients.volume(plan));
    putByName(list(main, "volumeMounts"), KafkaClients.mount(plan));
    if (content(client, session).equals(before)) {
      return new Change(Action.UNCHANGED, "FlinkDeployment", name);
    }
    if (write) {
      call(client, "update FlinkDeployment " + name, () -> sessions.resource(session).update());
    }
    return new Change(Action.UPDATED, "FlinkDeployment", name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    List<Map<String, Object>> copy = value == null ? new ArrayList<>() : new ArrayList<>((List<Map<String, Object>>) value);
    parent.put(key, copy);
    return copy;
  }

  /** Replaces the entry of {@code entry}'s name in {@code entries} with it, or appends it. */
  private static void putByName(List<Map<String, Object>> entries, Map<String, Object> entry) {
    int at = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (entry.get("name").equals(entries.get(i).get("name"))) {
        at = i;
      }
    }
    Map<String, Object> normalized = JSON.convertValue(entry, new com.fasterxml.jackson.core.type.TypeReference<>() {});
    if (at >= 0) {
      entries.set(at, normalized);
    } else {
      entries.add(normalized);
    }
  }

  /** One API call; its failure as a one-line {@link K8sApplyException} naming {@code what}. */
  private static <T> T call(KubernetesClient client, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw K8sApplyException.of(String.valueOf(client.getMasterUrl()), what, e);
    }
  }

  private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> in(KubernetesClient client, String kind, String ns) {
    return client.genericKubernetesResources(ApiKinds.of(kind)).inNamespace(ns);
  }

  /** A rendered object as fabric8's generic resource, in {@code ns}. */
  private static GenericKubernetesResource toResource(KubernetesClient client, Map<String, Object> object, String ns) {
    GenericKubernetesResource resource = client.getKubernetesSerialization().unmarshal(json(object),
        GenericKubernetesResource.class);
    ObjectMeta metadata = resource.getMetadata();
    metadata.setNamespace(ns);
    return resource;
  }

  /** Same content: equal labels and equal fields besides metadata and status (which the server and controllers set). */
  private static boolean same(KubernetesClient client, GenericKubernetesResource existing, GenericKubernetesResource desired) {
    Map<String, String> labels = Objects.requireNonNullElse(existing.getMetadata().getLabels(), Map.of());
    return new LinkedHashMap<>(labels).equals(new LinkedHashMap<>(desired.getMetadata().getLabels()))
        && content(client, existing).equals(content(client, desired));
  }

  private static JsonNode content(KubernetesClient client, GenericKubernetesResource resource) {
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(client.getKubernetesSerialization().asJson(resource));
      tree.remove(List.of("metadata", "status"));
      return tree;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read " + resource.getKind() + " " + resource.getMetadata().getName(), e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
