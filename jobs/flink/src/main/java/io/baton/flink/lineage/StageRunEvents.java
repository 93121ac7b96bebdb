package io.baton.flink.lineage;

import io.baton.flink.plan.Plan;
import io.baton.flink.plan.PlannedStage;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.DatasetFacets;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * OpenLineage run events of a plan's stage jobs: the job {@code <pipeline>.<stage>} in the lineage namespace, its input
 * topics as inputs and its output and dead-letter topics as outputs (namespace {@code kafka://<first bootstrap
 * server>}, as OpenLineage names Kafka datasets), each record topic with its Avro schema as the {@code schema} facet.
 * The run's id is the Flink job's id read as a UUID, so a START and the COMPLETE seen later by another process agree.
 *
 * <pre>{@code
 * StageRunEvents events = new StageRunEvents(plan, "baton", "127.0.0.1:9092", true);
 * RunEvent start = events.event(EventType.START, "per-minute", jobId, ZonedDateTime.now(), null);
 * }</pre>
 */
public final class StageRunEvents {
  /** Who made the events (OpenLineage's {@code producer}). */
  public static final URI PRODUCER = URI.create("urn:baton");

  private final OpenLineage ol = new OpenLineage(PRODUCER);
  private final Plan plan;
  private final String namespace;
  private final String kafkaNamespace;
  private final boolean bounded;

  /** Events of {@code plan}'s jobs in {@code namespace}, its topics on {@code bootstrapServers}, bounded or streaming. */
  public StageRunEvents(Plan plan, String namespace, String bootstrapServers, boolean bounded) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.namespace = LineageSettings.checkNamespace(namespace);
    this.kafkaNamespace = kafkaNamespace(bootstrapServers);
    this.bounded = bounded;
  }

  /** OpenLineage's Kafka namespace: {@code kafka://host:port} of the first bootstrap server. */
  public static String kafkaNamespace(String bootstrapServers) {
    String first = Objects.requireNonNull(bootstrapServers, "bootstrapServers").split(",")[0].trim();
    if (first.isEmpty()) {
      throw new IllegalArgumentException("bootstrapServers must name a server, got '" + bootstrapServers + "'");
    }
    return "kafka://" + first;
  }

  /** The OpenLineage job name of {@code stage}: {@code <pipeline>.<stage>}. */
  public String jobName(String stage) {
    return plan.pipeline() + "." + plan.stage(stage).name();
  }

  /** A Flink job id (32 hex digits) as the run's UUID; any other id as a name-based UUID of it. */
  public static UUID runId(String flinkJobId) {
    if (flinkJobId.matches("[0-9a-fA-F]{32}")) {
      return new UUID(Long.parseUnsignedLong(flinkJobId.substring(0, 16), 16),
          Long.parseUnsignedLong(flinkJobId.substring(16), 16));
    }
    return UUID.nameUUIDFromBytes(flinkJobId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The event of {@code type} for {@code stage}'s Flink job {@code flinkJobId}; {@code failure} only for FAIL. */
  public RunEvent event(EventType type, String stage, String flinkJobId, ZonedDateTime at, String failure) {
    PlannedStage planned = plan.stage(stage);
    OpenLineage.RunFacetsBuilder runFacets = ol.newRunFacetsBuilder();
    OpenLineage.RunFacet flinkJob = ol.newRunFacet();
    flinkJob.getAdditionalProperties().put("jobId", flinkJobId);
    flinkJob.getAdditionalProperties().put("jobName", planned.jobName());
    runFacets.put("flink_job", flinkJob);
    if (failure != null) {
      runFacets.errorMessage(ol.newErrorMessageRunFacet(failure, "JAVA", null));
    }
    OpenLineage.JobFacets jobFacets = ol.newJobFacetsBuilder()
        .jobType(ol.newJobTypeJobFacet(bounded ? "BATCH" : "STREAMING", "FLINK", "JOB", null)).build();
    return ol.newRunEventBuilder()
        .eventType(type).eventTime(at)
        .run(ol.newRun(runId(flinkJobId), runFacets.build()))
        .job(ol.newJob(namespace, jobName(stage), jobFacets))
        .inputs(inputs(planned)).outputs(outputs(planned))
        .build();
  }

  private List<OpenLineage.InputDataset> inputs(PlannedStage stage) {
    List<OpenLineage.InputDataset> inputs = new ArrayList<>();
    for (int i = 0; i < stage.inputTopics().size(); i++) {
      inputs.add(ol.newInputDatasetBuilder().namespace(kafkaNamespace).name(stage.inputTopics().get(i))
          .facets(withSchema(stage.inputClasses().get(i))).build());
    }
    return inputs;
  }

  private List<OpenLineage.OutputDataset> outputs(PlannedStage stage) {
    // A dead letter holds the bytes it was given, decodable or not: no schema of its own.
    return List.of(
        ol.newOutputDatasetBuilder().namespace(kafkaNamespace).name(stage.outputTopic())
            .facets(withSchema(stage.outputClass())).build(),
        ol.newOutputDatasetBuilder().namespace(kafkaNamespace).name(stage.deadLetterTopic()).build());
  }

  private DatasetFacets withSchema(String recordClass) {
    return ol.newDatasetFacetsBuilder()
        .schema(ol.newSchemaDatasetFacet(AvroFields.of(ol, plan.schema(recordClass)))).build();
  }
}
