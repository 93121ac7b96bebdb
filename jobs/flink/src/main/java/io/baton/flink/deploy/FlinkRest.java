package io.baton.flink.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The parts of Flink's REST API a deploy needs: upload a job jar, run an entry class from it,
 * list and cancel jobs.
 *
 * <pre>{@code
 * FlinkRest flink = new FlinkRest("http://127.0.0.1:8081");
 * String jar = flink.uploadJar(Path.of("jobs/examples/target/baton-examples.jar"));
 * String jobId = flink.run(jar, "io.baton.flink.job.StageJob", List.of("--stage", "alerts"));
 * }</pre>
 */
public final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public FlinkRest(String baseUrl) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
  }

  /** A job as {@code /jobs/overview} lists it. */
  public record Job(String id, String name, String state) {}

  /** A jar uploaded to the cluster, as {@code /jars} lists it. */
  public record UploadedJar(String id, String name) {}

  /** Uploads a jar (multipart field {@code jarfile}) and returns its id on the cluster. */
  public String uploadJar(Path jar) throws IOException {
    return uploadJar(jar, jar.getFileName().toString());
  }

  /** Uploads a jar under the file name {@code name} and returns its id on the cluster. */
  public String uploadJar(Path jar, String name) throws IOException {
    String boundary = "baton-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
        + name + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(jar));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(base.resolve("jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    String filename = call(request, "upload " + jar).path("filename").asText();
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** The jars uploaded to the cluster. */
  public List<UploadedJar> jars() throws IOException {
    List<UploadedJar> list = new ArrayList<>();
    get("jars").path("files").forEach(f -> list.add(new UploadedJar(f.path("id").asText(), f.path("name").asText())));
    return list;
  }

  /** Deletes an uploaded jar; jobs started from it keep running (the cluster keeps its own copy). */
  public void deleteJar(String jarId) throws IOException {
    call(HttpRequest.newBuilder(base.resolve("jars/" + jarId)).DELETE().build(), "delete jar " + jarId);
  }

  /** Runs {@code entryClass} from an uploaded jar; returns the job id. */
  public String run(String jarId, String entryClass, List<String> args) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("entryClass", entryClass);
    args.forEach(body.putArray("programArgsList")::add);
    HttpRequest request = HttpRequest.newBuilder(base.resolve("jars/" + jarId + "/run"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return call(request, "run " + entryClass + " " + args).path("jobid").asText();
  }

  /**
   * Runs {@code entryClass} from an uploaded jar, restoring its state from {@code savepointPath} (null: start fresh);
   * every piece of the savepoint's state must find its operator ({@code allowNonRestoredState=false}).
   */
  public String run(String jarId, String entryClass, List<String> args, String savepointPath) throws IOException {
    return run(jarId, entryClass, args, savepointPath, false);
  }

  /**
   * As {@link #run(String, String, List, String)}; {@code allowNonRestoredState}: state of operators the job no longer
   * has (by uid) is dropped instead of failing the start.
   */
  public String run(String jarId, String entryClass, List<String> args, String savepointPath,
      boolean allowNonRestoredState) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("entryClass", entryClass);
    args.forEach(body.putArray("programArgsList")::add);
    if (savepointPath != null) {
      body.put("savepointPath", savepointPath).put("allowNonRestoredState", allowNonRestoredState);
    }
    HttpRequest request = HttpRequest.newBuilder(base.resolve("jars/" + jarId + "/run"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return call(request, "run " + entryClass + " " + args + (savepointPath == null ? "" : " from " + savepointPath))
        .path("jobid").asText();
  }

  /**
   * Asks a job to stop with a savepoint ({@code POST jobs/<id>/stop}); {@code drain} first lets its windows fire
   * (event time jumps to the end). {@code targetDirectory} null: the cluster's {@code execution.checkpointing.savepoint-dir}.
   * Returns the trigger id to {@link #savepointStatus poll}.
   */
  public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("drain", drain);
    if (targetDirectory != null) {
      body.put("targetDirectory", targetDirectory);
    }
    HttpRequest request = HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "/stop"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return call(request, "stop " + jobId + " with a savepoint").path("request-id").asText();
  }

  /** A savepoint trigger's answer: {@code status.id} IN_PROGRESS or COMPLETED, then {@code operation.location} or {@code operation.failure-cause}. */
  public JsonNode savepointStatus(String jobId, String triggerId) throws IOException {
    return get("jobs/" + jobId + "/savepoints/" + triggerId);
  }

  /** The job's state (RUNNING, RESTARTING, FAILED, ...). */
  public String state(String jobId) throws IOException {
    return get("jobs/" + jobId).path("state").asText();
  }

  /** The job's global job parameters ({@code execution-config.user-config}). */
  public JsonNode userConfig(String jobId) throws IOException {
    return get("jobs/" + jobId + "/config").path("execution-config").path("user-config");
  }

  /** Every job the cluster knows, running or ended. */
  public List<Job> jobs() throws IOException {
    JsonNode jobs = call(HttpRequest.newBuilder(base.resolve("jobs/overview")).GET().build(), "list jobs").path("jobs");
    List<Job> list = new ArrayList<>();
    jobs.forEach(j -> list.add(new Job(j.path("jid").asText(), j.path("name").asText(), j.path("state").asText())));
    return list;
  }

  /** Cancels a job; a job that already ended is left as it is. */
  public void cancel(String jobId) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "?mode=cancel"))
        .method("PATCH", HttpRequest.BodyPublishers.noBody()).build();
    call(request, "cancel " + jobId);
  }

  /** A JSON answer from the REST API, e.g. {@code get("jobs/<id>")}. */
  public JsonNode get(String path) throws IOException {
    return call(HttpRequest.newBuilder(base.resolve(path)).GET().build(), "GET " + path);
  }

  public String url() {
    return base.toString();
  }

  private JsonNode call(HttpRequest request, String what) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking Flink at " + base + " to " + what, e);
    } catch (IOException e) {
      throw new IOException("Flink REST API at " + base + " did not answer (" + what + "): " + e.getMessage(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("Flink at " + base + " refused to " + what + ": HTTP " + response.statusCode() + " "
          + errors(response.body()));
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private static String errors(String body) {
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      return errors.isMissingNode() ? body : errors.toString();
    } catch (IOException e) {
      return body;
    }
  }
}
