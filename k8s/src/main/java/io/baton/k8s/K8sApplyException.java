package io.baton.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/**
 * {@link K8sDeploy} failed, in one line: the API server could not be reached, or it refused a call (its code, reason
 * and message), naming the object it was at.
 *
 * <pre>{@code
 * try { K8sDeploy.apply(plan, settings, client); } catch (K8sApplyException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class K8sApplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  K8sApplyException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code e}, met at {@code what} (e.g. {@code create KafkaUser baton.p.s}) on the API server at {@code master}. */
  static K8sApplyException of(String master, String what, KubernetesClientException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return new K8sApplyException("no Kubernetes cluster reachable at " + master + ": " + root(e), e);
      }
    }
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      String reason = e.getStatus().getReason() == null ? "" : " " + e.getStatus().getReason();
      return new K8sApplyException("Kubernetes at " + master + " refused to " + what + ": " + e.getCode() + reason + ": "
          + e.getStatus().getMessage().lines().findFirst().orElse(""), e);
    }
    return new K8sApplyException("Kubernetes at " + master + ": could not " + what + ": " + root(e), e);
  }

  private static String root(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
