package io.baton.stack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its state, under one home folder (default {@code <repo>/.baton}).
 *
 * <pre>{@code
 * kafka/           server.properties (owner-only), log4j2.properties, data/,
 *                  security.properties (plain or scram: how data/ was formatted),
 *                  brokers.properties (up --brokers 3: how many brokers the data was formatted for)
 * kafka-2/, ...    brokers above 1 (up --brokers 3): server.properties, log4j2.properties, data/
 * secure/          (up --secure; owner-only) kafka-admin.password, kafka-admin-client.properties
 * registry/        db.mv.db (H2 file: schemas survive down/up)
 * flink/conf/      config.yaml, log4j-console.properties
 * flink/checkpoints/<job id>/chk-N/_metadata  (kept when a job is cancelled or the cluster stops)
 * flink/jars/      jars uploaded through the REST API           (emptied on every up)
 * flink/blobs/     blob store of the JobManager and TaskManager (emptied on every up)
 * flink/tmp/       io.tmp.dirs, web.tmpdir, java.io.tmpdir      (emptied on every up)
 * jobs/<pipeline>.registry.properties (registry client settings stage jobs read; owner-only)
 * lineage/openlineage.jsonl  OpenLineage run events: the CLI's, and the JobManager's end events of streaming stage jobs
 * logs/<server>.log           (server: kafka, kafka-2, ..., registry, jobmanager, taskmanager)
 * run/<server>.pid, run/stack.properties (ports of the last up: kept by down, reused by the next up)
 * }</pre>
 */
public final class StackLayout {
  private final Path home;

  private StackLayout(Path home) {
    this.home = home;
  }

  public static StackLayout at(Path home) {
    return new StackLayout(home.toAbsolutePath().normalize());
  }

  public Path home() {
    return home;
  }

  public Path kafkaDir() {
    return home.resolve("kafka");
  }

  public Path kafkaData() {
    return kafkaDir().resolve("data");
  }

  /** Broker {@code node}'s folder: {@code kafka/} for broker 1, {@code kafka-2/} and so on for the others. */
  public Path kafkaDir(int node) {
    return node == 1 ? kafkaDir() : home.resolve(ServerId.kafka(node).id());
  }

  /** Broker {@code node}'s log dir (its partitions and KRaft metadata). */
  public Path kafkaData(int node) {
    return kafkaDir(node).resolve("data");
  }

  /** How many brokers the Kafka storage was formatted for; absent when one. */
  public Path kafkaBrokersFile() {
    return kafkaDir().resolve("brokers.properties");
  }

  /** How the Kafka storage was formatted: plain or scram ({@link KafkaSecurity}); absent for older stacks (plain). */
  public Path kafkaSecurityFile() {
    return kafkaDir().resolve("security.properties");
  }

  /** The secure stack's secrets (owner-only folder). */
  public Path secureDir() {
    return home.resolve("secure");
  }

  /** The Kafka admin's generated password, one line. */
  public Path adminPassword() {
    return secureDir().resolve("kafka-admin.password");
  }

  /** The Kafka admin's client properties: security.protocol, sasl.mechanism, sasl.jaas.config. */
  public Path adminClientProperties() {
    return secureDir().resolve("kafka-admin-client.properties");
  }

  public Path registryDir() {
    return home.resolve("registry");
  }

  public Path flinkDir() {
    return home.resolve("flink");
  }

  public Path flinkConf() {
    return flinkDir().resolve("conf");
  }

  public Path checkpoints() {
    return flinkDir().resolve("checkpoints");
  }

  /** Flink's {@code execution.checkpointing.savepoint-dir}: savepoints of {@code baton stop} and {@code deploy}. */
  public Path savepoints() {
    return flinkDir().resolve("savepoints");
  }

  /** What {@code baton run} and {@code deploy} deployed, one record per pipeline. */
  public Path deployments() {
    return home.resolve("deployments");
  }

  /** Flink's {@code web.upload.dir}: job jars uploaded through the REST API. */
  public Path uploadedJars() {
    return flinkDir().resolve("jars");
  }

  /** Files stage jobs read at run time, e.g. a pipeline's registry credentials. */
  public Path jobFiles() {
    return home.resolve("jobs");
  }

  /**
   * The OpenLineage run events of the stack's stage jobs, one JSON object a line: START (and a bounded run's end) from
   * the CLI, a streaming stage job's end from the JobManager ({@code baton.lineage.file} in its config).
   */
  public Path lineageFile() {
    return home.resolve("lineage").resolve("openlineage.jsonl");
  }

  /** Flink's {@code blob.storage.directory}. */
  public Path flinkBlobs() {
    return flinkDir().resolve("blobs");
  }

  /** Flink's {@code io.tmp.dirs} and {@code web.tmpdir}, and the Flink JVMs' {@code java.io.tmpdir}. */
  public Path flinkTmp() {
    return flinkDir().resolve("tmp");
  }

  public Path logsDir() {
    return home.resolve("logs");
  }

  public Path runDir() {
    return home.resolve("run");
  }

  public Path logFile(Component c) {
    return logFile(ServerId.of(c));
  }

  public Path logFile(ServerId s) {
    return logsDir().resolve(s.id() + ".log");
  }

  public Path pidFile(Component c) {
    return pidFile(ServerId.of(c));
  }

  public Path pidFile(ServerId s) {
    return runDir().resolve(s.id() + ".pid");
  }

  /** Ports and endpoints of the running stack, for {@code status} and other commands. */
  public Path stackFile() {
    return runDir().resolve("stack.properties");
  }

  @Override
  public String toString() {
    return "StackLayout.at(" + home + ")";
  }
}
