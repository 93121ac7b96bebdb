package io.baton.flink.plan;

import java.util.List;

/**
 * One stage as it will run: what it reads and writes, its policies in words, and its Flink job.
 *
 * @param name stage name
 * @param kind {@code source}, {@code stage} or {@code co-group}
 * @param inputs upstream stage names
 * @param inputTopics topics read
 * @param inputClasses Avro classes read, in the order of {@code inputTopics}
 * @param outputTopic handoff topic written
 * @param deadLetterTopic where rejected records go
 * @param outputClass Avro class written
 * @param batch the batch policy expression
 * @param function the function shape (map, perBatch, ...), or {@code accept} for a source
 * @param accept the accept policy expression
 * @param eventTime how event time is read ({@code record field}, {@code kafka timestamp}) or {@code none}
 * @param parallelism parallel instances
 * @param delivery exactly-once or at-least-once
 * @param version the stage version its outputs' lineage names
 * @param lineage whether outputs carry their lineage header (version and exact inputs)
 * @param jobName the Flink job name, {@code <pipeline>/<stage>}
 * @param entryClass the job jar class that runs the stage
 * @param programArgs its arguments, before environment-specific ones
 * @param stageVersion the stable version of what the stage compiles to ({@link StageVersion}), which deploys compare
 * @param stateShape what its savepoints hold, which decides whether one restores into a new version
 */
public record PlannedStage(
    String name,
    String kind,
    List<String> inputs,
    List<String> inputTopics,
    List<String> inputClasses,
    String outputTopic,
    String deadLetterTopic,
    String outputClass,
    String batch,
    String function,
    String accept,
    String eventTime,
    int parallelism,
    String delivery,
    String version,
    boolean lineage,
    String jobName,
    String entryClass,
    List<String> programArgs,
    String stageVersion,
    StateShape stateShape) {

  /** The stage's policy overrides in canonical form ({@code batch.size=PT2M,parallelism=2}), empty when none. */
  public String overrides() {
    int at = programArgs.indexOf("--overrides");
    return at >= 0 && at + 1 < programArgs.size() ? programArgs.get(at + 1) : "";
  }
}
