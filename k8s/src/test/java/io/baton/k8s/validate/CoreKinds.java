package io.baton.k8s.validate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Core Kubernetes kinds read into fabric8's typed models, strictly: fabric8 keeps unknown fields in
 * {@code additionalProperties}; here that any-setter is switched off so an unknown field fails, and scalars are not
 * coerced (a string where a number belongs fails, as the API server refuses it).
 */
public final class CoreKinds {
  private static final Map<String, Class<?>> KINDS = Map.ofEntries(
      Map.entry("v1/Namespace", Namespace.class),
      Map.entry("v1/ServiceAccount", ServiceAccount.class),
      Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
      Map.entry("v1/Service", Service.class),
      Map.entry("v1/Secret", Secret.class),
      Map.entry("v1/ConfigMap", ConfigMap.class),
      Map.entry("apps/v1/Deployment", Deployment.class),
      Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
      Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
      Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

  static final JsonMapper STRICT = JsonMapper.builder()
      .annotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
          return Boolean.FALSE;
        }
      })
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();

  private CoreKinds() {}

  /** True when the document's apiVersion and kind are a core kind this validator knows. */
  public static boolean knows(Document doc) {
    return KINDS.containsKey(doc.apiVersion() + "/" + doc.kind());
  }

  /** The document's problems as its typed model sees them (empty when it reads cleanly). */
  public static List<String> problems(Document doc) {
    return read(doc.node(), KINDS.get(doc.apiVersion() + "/" + doc.kind())).map(List::of).orElse(List.of());
  }

  /** Metadata of any kind, as {@code ObjectMeta}. */
  public static Optional<String> metadataProblem(JsonNode metadata) {
    return read(metadata, ObjectMeta.class).map(p -> "metadata: " + p);
  }

  private static Optional<String> read(JsonNode node, Class<?> type) {
    try {
      STRICT.treeToValue(node, type);
      return Optional.empty();
    } catch (JacksonException e) {
      return Optional.of(e.getOriginalMessage() + " at " + e.getPathReference());
    }
  }
}
