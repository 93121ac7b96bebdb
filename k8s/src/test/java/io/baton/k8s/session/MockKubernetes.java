package io.baton.k8s.session;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's Kubernetes mock server in CRUD mode (plain HTTP on a free port; its mixed dispatcher, so a test may also
 * script one refusal): it stores what is created and serves it back, but runs no controllers (no pods from Deployments, no garbage collection of owned objects). No Kubernetes
 * cluster can run on these machines, so this stands in for the API server. {@link #kubeconfig} writes the kubeconfig
 * that points Flink's own (shaded) client at it.
 *
 * <pre>{@code
 * try (MockKubernetes mock = MockKubernetes.start()) {
 *   Path config = mock.kubeconfig(tempDir);
 *   ...
 * }
 * }</pre>
 */
public final class MockKubernetes implements AutoCloseable {
  private final KubernetesMockServer server;
  private final NamespacedKubernetesClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  private MockKubernetes(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  public static MockKubernetes start() {
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
        new KubernetesMixedDispatcher(expectations), false);
    server.init();
    return new MockKubernetes(server);
  }

  /** The next POST to {@code apiPath} is refused with 403, as an API server refuses what RBAC does not allow. */
  public void refuseNextPost(String apiPath) {
    String status = """
        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,
         "message":"configmaps is forbidden: User \\"system:serviceaccount:test:baton\\" cannot create resource \\"configmaps\\""}""";
    server.expect().post().withPath(apiPath).andReturn(403, status).once();
  }

  /** An (unshaded) fabric8 client of the mock, for the tests' own reads. */
  public NamespacedKubernetesClient client() {
    return client;
  }

  String url() {
    return server.url("/").replaceAll("/$", "");
  }

  /** The object at an API path as the server stores it (raw JSON), e.g. {@code /apis/apps/v1/namespaces/baton/deployments/x}. */
  String rawJson(String apiPath) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + apiPath)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + apiPath + ": " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A kubeconfig in {@code dir} whose current context is this server (namespace {@code namespace}, a dummy token). */
  public Path kubeconfig(Path dir, String namespace) {
    return writeKubeconfig(dir.resolve("kubeconfig"), url(), namespace);
  }

  static Path writeKubeconfig(Path file, String serverUrl, String namespace) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
        users:
          - name: tester
            user:
              token: not-a-secret
        contexts:
          - name: mock
            context:
              cluster: mock
              user: tester
              namespace: %s
        current-context: mock
        """.formatted(serverUrl, namespace);
    try {
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
