package io.baton.flink.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a deploy does to one running stage job through Flink's REST API: stop it with a savepoint (waiting for the
 * savepoint's trigger to complete), and wait for a started job to be healthy.
 *
 * <pre>{@code
 * StageJobs jobs = new StageJobs(flink, Duration.ofMinutes(2));
 * String savepoint = jobs.stopWithSavepoint(jobId, "/var/baton/savepoints", false);
 * Optional<String> problem = jobs.awaitHealthy(newJobId, Duration.ofSeconds(60));
 * }</pre>
 */
public final class StageJobs {
  private static final Duration POLL = Duration.ofMillis(200);

  private final FlinkRest flink;
  private final Duration savepointTimeout;

  public StageJobs(FlinkRest flink, Duration savepointTimeout) {
    this.flink = flink;
    this.savepointTimeout = savepointTimeout;
  }

  /** Stops {@code jobId} with a savepoint in {@code directory} (null: the cluster's default) and returns its path. */
  public String stopWithSavepoint(String jobId, String directory, boolean drain) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(savepointTimeout);
    awaitTasksRunning(jobId, deadline);   // a savepoint needs every task running: a job just started may not be yet
    String trigger = flink.stopWithSavepoint(jobId, directory, drain);
    while (true) {
      JsonNode status = flink.savepointStatus(jobId, trigger);
      if (status.path("status").path("id").asText().equals("COMPLETED")) {
        JsonNode operation = status.path("operation");
        if (operation.hasNonNull("location")) {
          return operation.path("location").asText();
        }
        throw new IOException("the savepoint of job " + jobId + " failed: " + cause(operation.path("failure-cause")));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("the savepoint of job " + jobId + " did not complete within " + savepointTimeout
            + "; the job may still run: see " + flink.url() + "#/job/running/" + jobId);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Waits until every task of {@code jobId} runs (or the job is no longer starting). */
  private void awaitTasksRunning(String jobId, Instant deadline) throws IOException, InterruptedException {
    while (true) {
      JsonNode job = flink.get("jobs/" + jobId);
      boolean starting = job.path("state").asText().equals("CREATED") || job.path("state").asText().equals("INITIALIZING");
      boolean allRunning = job.path("vertices").size() > 0;
      for (JsonNode vertex : job.path("vertices")) {
        allRunning &= vertex.path("status").asText().equals("RUNNING");
      }
      if (allRunning || !starting && !job.path("state").asText().equals("RUNNING") || Instant.now().isAfter(deadline)) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Waits until {@code jobId} runs with a completed checkpoint and no failure since it started. Empty when it does;
   * otherwise what went wrong (it failed, restarts, or had no completed checkpoint within {@code timeout}).
   */
  public Optional<String> awaitHealthy(String jobId, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      String state = flink.state(jobId);
      Optional<String> failure = firstFailure(jobId);
      if (failure.isPresent()) {
        return Optional.of("it failed (" + state + "): " + failure.get());
      }
      if (state.equals("FAILED") || state.equals("CANCELED") || state.equals("FINISHED")) {
        return Optional.of("it ended " + state);
      }
      if (state.equals("RUNNING") && flink.get("jobs/" + jobId + "/checkpoints").path("counts").path("completed").asInt() > 0) {
        return Optional.empty();
      }
      if (Instant.now().isAfter(deadline)) {
        return Optional.of("it was " + state + " without a completed checkpoint after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private Optional<String> firstFailure(String jobId) throws IOException {
    JsonNode entries = flink.get("jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    JsonNode last = entries.get(entries.size() - 1);
    String text = last.path("exceptionName").asText() + ": " + last.path("stacktrace").asText();
    int causedBy = text.lastIndexOf("Caused by: ");
    String root = causedBy >= 0 ? text.substring(causedBy + "Caused by: ".length()) : text;
    return Optional.of(root.lines().findFirst().orElse(root).strip());
  }

  private static String cause(JsonNode failure) {
    String trace = failure.path("stack-trace").asText(failure.toString());
    int causedBy = trace.lastIndexOf("Caused by: ");
    String root = causedBy >= 0 ? trace.substring(causedBy + "Caused by: ".length()) : trace;
    return root.lines().findFirst().orElse(root).strip();
  }
}
