package io.baton.k8s.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Failures of the session operations as one-line {@link SessionException}s: an API server that cannot be reached
 * (found by a bounded TCP connect before any call), the API server's own refusal (code, reason, message), otherwise
 * the innermost cause.
 *
 * <pre>{@code
 * KubeErrors.probe(spec, client.getMasterUrl());
 * throw KubeErrors.failure("could not start session cluster 'x' in namespace y", e);
 * }</pre>
 */
final class KubeErrors {
  private static final int PROBE_TIMEOUT_MS = 5_000;

  private KubeErrors() {}

  /** A TCP connect to the API server, bounded: fabric8 would retry a refused connection with backoff for many seconds. */
  static void probe(SessionSpec spec, URL master) {
    int port = master.getPort() != -1 ? master.getPort() : master.getDefaultPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(master.getHost(), port), PROBE_TIMEOUT_MS);
    } catch (IOException e) {
      String why = e instanceof UnknownHostException ? "unknown host " + master.getHost()
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new SessionException("no Kubernetes cluster reachable at " + master + ": " + why + kubeconfigHint(spec), e);
    }
  }

  /** A failed client call: unreachable, or the API server's answer. */
  static SessionException callFailed(URL master, KubernetesClientException e) {
    if (causedByIo(e)) {
      return new SessionException("no Kubernetes cluster reachable at " + master + ": " + rootMessage(e), e);
    }
    return new SessionException("Kubernetes at " + master + " refused: "
        + apiRefusal(e).orElseGet(() -> e.getCode() + " " + rootMessage(e)), e);
  }

  /** {@code what} failed because of {@code e}. */
  static SessionException failure(String what, Throwable e) {
    if (e instanceof SessionException s) {
      return s;
    }
    if (causedByIo(e)) {
      return new SessionException(what + ": no Kubernetes cluster reachable: " + rootMessage(e), e);
    }
    return new SessionException(what + ": " + apiRefusal(e).orElseGet(() -> rootMessage(e)), e);
  }

  /** When no kubeconfig was given or found, fabric8 falls back to the in-cluster address: say so. */
  private static String kubeconfigHint(SessionSpec spec) {
    String env = System.getenv("KUBECONFIG");
    boolean found = spec.kubeconfig().isPresent() || (env != null && !env.isBlank())
        || Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"));
    return found ? "" : " (no kubeconfig: give --kubeconfig, set KUBECONFIG or write ~/.kube/config)";
  }

  /** The API server's own answer ({@code 403 Forbidden: configmaps is forbidden: ...}) when the failure is one. */
  private static Optional<String> apiRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
        String reason = k.getStatus().getReason() == null ? "" : " " + k.getStatus().getReason();
        return Optional.of(k.getCode() + reason + ": " + k.getStatus().getMessage().lines().findFirst().orElse(""));
      }
    }
    return Optional.empty();
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's message on one line. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
