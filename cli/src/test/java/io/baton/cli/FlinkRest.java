package io.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Flink REST calls the integration test needs: upload a jar, run it, list jobs. */
final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  FlinkRest(String base) {
    this.base = base;
  }

  /** POST /jars/upload (multipart field {@code jarfile}); returns the jar id. */
  String upload(Path jar) throws IOException, InterruptedException {
    String boundary = "baton-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(jar));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    JsonNode r = send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    String filename = r.path("filename").asText();
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** POST /jars/{id}/run; returns the job id. */
  String run(String jarId, String entryClass, List<String> args) throws IOException, InterruptedException {
    String json = JSON.writeValueAsString(Map.of("entryClass", entryClass, "programArgsList", args));
    return send(HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId + "/run"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))).path("jobid").asText();
  }

  /** GET /jobs/overview. */
  JsonNode jobs() throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + "/jobs/overview")).GET()).path("jobs");
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException(r.request().method() + " " + r.uri() + " answered HTTP " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
