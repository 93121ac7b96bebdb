package io.baton.stack.lineage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenLineage end event of one run of a Baton stage job, as one JSON line: job {@code <pipeline>.<stage>} in the
 * lineage namespace, run id the Flink job id read as a UUID (as the CLI's START has it), a FAIL with the error as its
 * {@code errorMessage} facet. Inputs and outputs are left to the START (OpenLineage joins a run's events by run id).
 *
 * <pre>{@code
 * EndEvent.of("ABORT", "baton", "sensor-story/readings", "4f1c...", Instant.now(), null).json();
 * }</pre>
 */
final class EndEvent {
  static final String PRODUCER = "urn:baton";
  static final String RUN_EVENT_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  static final String RUN_FACET_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunFacet";
  static final String ERROR_SCHEMA = "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet";
  static final String JOB_TYPE_SCHEMA = "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";
  /** A Baton stage job's Flink name: {@code <pipeline>/<stage>}, both lowercase names (jobs/api's rule). */
  private static final Pattern STAGE_JOB = Pattern.compile("[a-z][a-z0-9-]*/[a-z][a-z0-9-]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String type;
  private final String namespace;
  private final String flinkJobName;
  private final String flinkJobId;
  private final Instant at;
  private final Throwable failure;

  private EndEvent(String type, String namespace, String flinkJobName, String flinkJobId, Instant at, Throwable failure) {
    this.type = type;
    this.namespace = namespace;
    this.flinkJobName = flinkJobName;
    this.flinkJobId = flinkJobId;
    this.at = at;
    this.failure = failure;
  }

  /** {@code type} is COMPLETE, ABORT or FAIL; {@code flinkJobName} must be a stage job's ({@link #isStageJob}). */
  static EndEvent of(String type, String namespace, String flinkJobName, String flinkJobId, Instant at, Throwable failure) {
    if (!isStageJob(flinkJobName)) {
      throw new IllegalArgumentException("not a Baton stage job name (<pipeline>/<stage>): '" + flinkJobName + "'");
    }
    return new EndEvent(Objects.requireNonNull(type, "type"), Objects.requireNonNull(namespace, "namespace"),
        flinkJobName, Objects.requireNonNull(flinkJobId, "flinkJobId"), Objects.requireNonNull(at, "at"), failure);
  }

  static boolean isStageJob(String flinkJobName) {
    return flinkJobName != null && STAGE_JOB.matcher(flinkJobName).matches();
  }

  /** The OpenLineage job name: {@code <pipeline>.<stage>}. */
  String jobName() {
    return flinkJobName.replace('/', '.');
  }

  /** 32 hex digits as a UUID, the first 16 its high half (the CLI's {@code StageRunEvents.runId}). */
  static UUID runId(String flinkJobId) {
    if (!flinkJobId.matches("[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("not a Flink job id (32 hex digits): '" + flinkJobId + "'");
    }
    return new UUID(Long.parseUnsignedLong(flinkJobId.substring(0, 16), 16), Long.parseUnsignedLong(flinkJobId.substring(16), 16));
  }

  /** The event as one line of JSON (no line break inside). */
  String json() {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventType", type);
    event.put("eventTime", at.toString());
    ObjectNode run = event.putObject("run");
    run.put("runId", runId(flinkJobId).toString());
    ObjectNode runFacets = run.putObject("facets");
    ObjectNode flinkJob = facet(runFacets, "flink_job", RUN_FACET_SCHEMA);
    flinkJob.put("jobId", flinkJobId);
    flinkJob.put("jobName", flinkJobName);
    if (failure != null) {
      ObjectNode error = facet(runFacets, "errorMessage", ERROR_SCHEMA);
      error.put("message", message(failure));
      error.put("programmingLanguage", "JAVA");
      error.put("stackTrace", stackTrace(failure));
    }
    ObjectNode job = event.putObject("job");
    job.put("namespace", namespace);
    job.put("name", jobName());
    ObjectNode jobType = facet(job.putObject("facets"), "jobType", JOB_TYPE_SCHEMA);
    jobType.put("processingType", "STREAMING");
    jobType.put("integration", "FLINK");
    jobType.put("jobType", "JOB");
    event.putArray("inputs");
    event.putArray("outputs");
    event.put("producer", PRODUCER);
    event.put("schemaURL", RUN_EVENT_SCHEMA);
    return event.toString();
  }

  private static ObjectNode facet(ObjectNode facets, String name, String schema) {
    ObjectNode facet = facets.putObject(name);
    facet.put("_producer", PRODUCER);
    facet.put("_schemaURL", schema);
    return facet;
  }

  /** The failure and, when another, its root cause: Flink wraps the function's exception in its own. */
  static String message(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure ? failure.toString() : failure + "; root cause: " + root;
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Override
  public String toString() {
    return "EndEvent.of(" + type + ", " + namespace + ", " + flinkJobName + ", " + flinkJobId + ", " + at
        + (failure == null ? "" : ", " + failure) + ")";
  }
}
