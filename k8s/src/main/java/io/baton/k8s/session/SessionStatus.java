package io.baton.k8s.session;

import java.util.Optional;

/**
 * What {@code baton k8s session status} reports: whether the session's JobManager Deployment exists, its replicas
 * (wanted and ready) and its rest Service (type and address inside the cluster).
 *
 * <pre>{@code
 * SessionStatus status = NativeSession.status(spec);
 * if (status.exists() && status.readyReplicas() == status.replicas()) { ... }
 * }</pre>
 *
 * @param name the cluster id
 * @param namespace where it was looked for
 * @param exists whether the JobManager Deployment exists
 * @param replicas the Deployment's wanted replicas (0 when absent)
 * @param readyReplicas its ready replicas (0 when absent or none ready)
 * @param restServiceType the rest Service's type, empty when there is no rest Service
 * @param restAddress {@code host:port} of the rest Service inside the cluster, empty when there is none
 */
public record SessionStatus(String name, String namespace, boolean exists, int replicas, int readyReplicas,
    Optional<String> restServiceType, Optional<String> restAddress) {

  /** One line, e.g. {@code session baton-session (namespace baton): JobManager 1/1 ready, rest ClusterIP baton-session-rest.baton:8081}. */
  public String describe() {
    if (!exists) {
      return "session " + name + " (namespace " + namespace + "): not found";
    }
    return "session " + name + " (namespace " + namespace + "): JobManager " + readyReplicas + "/" + replicas + " ready, rest "
        + restServiceType.map(t -> t + " " + restAddress.orElse("(no port)")).orElse("service missing");
  }
}
