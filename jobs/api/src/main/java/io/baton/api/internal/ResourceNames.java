package io.baton.api.internal;

/**
 * The one home of every name Baton derives from a pipeline and its stages: topics, registry
 * subjects, Flink job names, Kafka consumer groups, transactional ids and Kafka principals. Everything that needs
 * one of these names (planner, stage job, deploy check, test driver, demo, feed) asks here.
 *
 * <pre>{@code
 * ResourceNames.deadLetterTopic("sensor-story", "readings")   // sensor-story.readings.dead-letter
 * ResourceNames.subject("sensor-story.readings")             // sensor-story.readings-value
 * }</pre>
 */
public final class ResourceNames {
  private ResourceNames() {}

  /** The handoff topic a stage writes unless it names its own: {@code <pipeline>.<stage>}. */
  public static String handoffTopic(String pipeline, String stage) {
    return pipeline + "." + stage;
  }

  /** Where a stage's rejected records go: {@code <pipeline>.<stage>.dead-letter}. */
  public static String deadLetterTopic(String pipeline, String stage) {
    return handoffTopic(pipeline, stage) + ".dead-letter";
  }

  /**
   * Where a pipeline's stages put the exact input sets too large for an output's lineage header:
   * {@code <pipeline>.lineage}, compacted, written in the same transactions as the outputs that point to it.
   */
  public static String lineageTopic(String pipeline) {
    return pipeline + ".lineage";
  }

  /** The registry subject of a topic's values (Confluent's topic-name strategy): {@code <topic>-value}. */
  public static String subject(String topic) {
    return topic + "-value";
  }

  /** The Flink job name of a stage, as the web UI shows it: {@code <pipeline>/<stage>}. */
  public static String jobName(String pipeline, String stage) {
    return pipeline + "/" + stage;
  }

  /** The Kafka consumer group of a stage's job: {@code baton.<pipeline>.<stage>}. */
  public static String consumerGroup(String pipeline, String stage) {
    return stageId(pipeline, stage);
  }

  /**
   * The transactional-id prefix of a stage's exactly-once sink: {@code baton.<pipeline>.<stage>.handoff}. Names hold no
   * dots, so no other stage's prefix starts with it (a prefixed ACL on it covers this stage's ids only).
   */
  public static String transactionalIdPrefix(String pipeline, String stage) {
    return stageId(pipeline, stage) + ".handoff";
  }

  /**
   * The transactional-id prefix of a stage's dead-letter sink: {@code baton.<pipeline>.<stage>.dead-letter}. Neither
   * it nor the handoff's prefix starts with the other, so aborting lingering transactions by prefix never reaches the
   * other sink.
   */
  public static String deadLetterTransactionalIdPrefix(String pipeline, String stage) {
    return stageId(pipeline, stage) + ".dead-letter";
  }

  /** The Kafka user a stage's job connects as: {@code baton.<pipeline>.<stage>}. */
  public static String stagePrincipal(String pipeline, String stage) {
    return stageId(pipeline, stage);
  }

  /** The Kafka user {@code baton replay} connects as for a pipeline: {@code baton-replay.<pipeline>}. */
  public static String replayPrincipal(String pipeline) {
    return "baton-replay." + pipeline;
  }

  /** The Kafka user the CLI's admin calls (topics, groups, reset, dead letters) use: {@code baton-admin.<pipeline>}. */
  public static String adminPrincipal(String pipeline) {
    return "baton-admin." + pipeline;
  }

  /**
   * The owner-only file holding a principal's Kafka client settings (its login), in the folder of the jobs' files:
   * {@code <user>.kafka.properties}, e.g. {@code baton.sensor-story.readings.kafka.properties}.
   */
  public static String principalPropertiesFile(String user) {
    return user + ".kafka.properties";
  }

  private static String stageId(String pipeline, String stage) {
    return "baton." + pipeline + "." + stage;
  }
}
